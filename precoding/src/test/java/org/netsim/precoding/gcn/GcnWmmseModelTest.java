package org.netsim.precoding.gcn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.precoding.Init;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.learned.ModelCard;

/** GCN-WMMSE model files: a saved model reads back bit for bit, the shipped one loads, bad files are named. */
class GcnWmmseModelTest {

    static ModelCard card() {
        return new ModelCard(ModelCard.FORMAT_VERSION, GcnWmmsePrecoder.NAME, "test", Map.of("layers", 3), Map.of(),
                new ModelCard.Training("none", "netsim train --model gcn-wmmse", 1, 0, 0, "none", 0, "cpu"),
                Map.of(), "test", Map.of(), null);
    }

    @Test
    void savedModelReadsBackWithIdenticalOutputs(@TempDir Path dir) throws Exception {
        GcnWmmseWeights w = GcnTestSupport.randomWeights(3, 3, 2, 2, 0.3, 0.37);
        GcnWmmseModel.Encoded enc = GcnWmmseModel.encode(w, card());
        Files.write(dir.resolve(GcnWmmseModel.PARAMETERS_FILE), enc.parameters());
        Files.write(dir.resolve(GcnWmmseModel.CARD_FILE), enc.cardJson());
        GcnWmmseModel read = GcnWmmseModel.read(dir);
        assertEquals(w, read.weights());
        assertEquals(enc.card().parametersSha256(), read.card().parametersSha256());
        Problem p = TestProblems.uniform(5, 2, 2, 4, 2, 2, 1.0, 1e-2, 0.2);
        ZMatrixRMaj[] a = new GcnWmmsePrecoder(w).solve(p, Init.mrc()).precoders();
        ZMatrixRMaj[] b = new GcnWmmsePrecoder(read.weights()).solve(p, Init.mrc()).precoders();
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i].data, b[i].data, "UE " + i);
        }
    }

    @Test
    void tamperedParametersAreRefusedByTheirHash(@TempDir Path dir) throws Exception {
        GcnWmmseModel.Encoded enc = GcnWmmseModel.encode(GcnWmmseWeights.classicWmmse(2, 1, 1), card());
        Files.write(dir.resolve(GcnWmmseModel.PARAMETERS_FILE), (new String(enc.parameters()) + " ").getBytes());
        Files.write(dir.resolve(GcnWmmseModel.CARD_FILE), enc.cardJson());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GcnWmmseModel.read(dir));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void shippedModelLoadsWithTheCardsSizesAndMeetsBudgets() {
        GcnWmmseModel m = GcnWmmseModel.shippedBase();
        assertEquals(m.card().intHyperparameter("layers"), m.weights().layers());
        assertEquals(m.card().intHyperparameter("degree"), m.weights().degree());
        assertEquals(m.card().intHyperparameter("features"), m.weights().features());
        assertTrue(m.weights().biasScale() > 0);
        Problem p = TestProblems.uniform(9, 3, 4, 12, 2, 2, 1.0, 1e-4, 0.02);
        ZMatrixRMaj[] v = new GcnWmmsePrecoder(m.weights()).solve(p, Init.mrc()).precoders();
        double[] used = RateEvaluator.powerUse(p, v);
        for (int k = 0; k < used.length; k++) {
            assertTrue(used[k] <= p.bsPowerW(k), "BS " + k);
        }
    }
}
