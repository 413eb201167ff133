package org.netsim.visualization.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundsChartsTest {

    @Test
    void writesThePngAndItsDataOneRowPerRound(@TempDir Path dir) throws Exception {
        RoundsCharts.wsrVersusRounds(dir, List.of("wmmse", "gcn-wmmse, L=3"),
                new double[][] {{1, 2, 2.5, 2.7}, {1, 2.6, 2.9, 3.0}}, "bit", "test", 400, 300);
        BufferedImage png = ImageIO.read(dir.resolve("wsr_vs_rounds.png").toFile());
        assertEquals(400, png.getWidth());
        List<String> csv = Files.readAllLines(dir.resolve("wsr_vs_rounds.csv"));
        assertEquals("algorithm,rounds,mean_wsr_bit", csv.get(0));
        assertEquals(9, csv.size());
        assertEquals("wmmse,0,1.000000000", csv.get(1));
        assertTrue(csv.get(8).startsWith("\"gcn-wmmse, L=3\",3,3.0"), csv.get(8));
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "no temporary files left");
        }
        assertThrows(IllegalArgumentException.class, () -> RoundsCharts.wsrVersusRounds(dir, List.of("a"),
                new double[2][1], "bit", "t", 10, 10));
    }
}
