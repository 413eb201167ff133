package org.netsim.scenarios.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.netsim.precoding.Problem;
import org.netsim.radio.geometry.Hexagon;
import org.netsim.radio.geometry.HexagonalGrid;
import org.netsim.radio.geometry.Position;
import org.netsim.radio.pathloss.LogDistancePathLoss;
import org.netsim.radio.random.RandomStreams;
import org.netsim.radio.shadowing.LogNormalShadowing;

/** Geometry and channel statistics of the DeepFP, Song, Sun and i.i.d. scenarios. */
class OtherScenariosTest {

    /** Statistical tolerances are 5 standard errors of the estimated moment. */
    private static final double STANDARD_ERRORS = 5.0;

    private static double energy(ZMatrixRMaj m) {
        double e = 0;
        for (double v : m.data) {
            e += v * v;
        }
        return e;
    }

    @Test
    void deepFpUesAreInTheirHexagonBeyondTheMinimumDistance() {
        DeepFpHexScenario s = new DeepFpHexScenario(7);
        List<Position> sites = s.sites();
        assertEquals(7, sites.size());
        double r = 800.0 / Math.sqrt(3);
        assertEquals(173.205, DeepFpHexScenario.minDistanceM(), 1e-3);
        RandomGenerator rng = new RandomStreams(8).stream("test/deepfp");
        for (int t = 0; t < 300; t++) {
            List<Position> ues = s.dropUes(rng);
            for (int i = 0; i < ues.size(); i++) {
                Position site = sites.get(i / 6);
                assertTrue(new Hexagon(site, r).contains(ues.get(i)));
                assertTrue(ues.get(i).distanceM(site) >= DeepFpHexScenario.minDistanceM());
            }
        }
    }

    /**
     * Large-scale plumbing: 10 log10(beta_ik) + PL(d_ik) is the shadowing draw, N(0, 8^2) dB. With n = 7 x 42 x 60
     * links the SE of the mean is 8 / sqrt(n) and of the standard deviation 8 / sqrt(2 n).
     */
    @Test
    void shadowedGainsHaveZeroMeanAndEightDbSpread() {
        DeepFpHexScenario s = new DeepFpHexScenario(7);
        RandomGenerator rng = new RandomStreams(9).stream("test/shadow");
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int t = 0; t < 60; t++) {
            List<Position> ues = s.dropUes(rng);
            double[][] beta = Links.largeScaleGains(ues, s.sites(), LogDistancePathLoss.macro3gpp(),
                    new LogNormalShadowing(8.0), rng);
            for (int i = 0; i < ues.size(); i++) {
                for (int k = 0; k < 7; k++) {
                    double x = -10 * Math.log10(beta[i][k])
                            - LogDistancePathLoss.macro3gpp().lossDb(ues.get(i).distanceM(s.sites().get(k)));
                    sum += x;
                    sumSq += x * x;
                    n++;
                }
            }
        }
        double mean = sum / n;
        assertEquals(0.0, mean, STANDARD_ERRORS * 8 / Math.sqrt(n));
        assertEquals(8.0, Math.sqrt(sumSq / n - mean * mean), STANDARD_ERRORS * 8 / Math.sqrt(2.0 * n));
    }

    /** The Song noise is recomputed here from the sample's own serving channels (Section VI-A formula). */
    @Test
    void songNoiseFollowsTheSnrDefinition() {
        for (String name : new String[] {"song-small-near", "song-large-far"}) {
            Problem p = SnapshotCatalog.get(name).sample(new RandomStreams(4).stream("x"));
            int u = p.numUe() / 2;
            for (int b = 0; b < 2; b++) {
                double logSum = 0;
                for (int j = 0; j < u; j++) {
                    logSum += Math.log10(energy(p.channel(b * u + j, b)) / 2.0);
                }
                double expected = Math.pow(10, logSum / u) / Math.pow(10, 0.5);
                for (int j = 0; j < u; j++) {
                    assertEquals(expected, p.noisePowerW(b * u + j), 1e-12 * expected, name);
                }
            }
        }
    }

    @Test
    void songUesAreInTheirAnnulus() {
        SongTwoCellScenario s = new SongTwoCellScenario(SongTwoCellScenario.Scale.MODERATE, true);
        RandomGenerator rng = new RandomStreams(10).stream("x");
        Position[] bs = {Position.ORIGIN, new Position(2800, 0)};
        for (int t = 0; t < 200; t++) {
            List<Position> ues = s.dropUes(rng);
            for (int i = 0; i < ues.size(); i++) {
                double d = ues.get(i).distanceM(bs[i / 8]);
                assertTrue(d >= 100 - 1e-9 && d <= 300 + 1e-9, "d = " + d);
            }
        }
    }

    /** IMAC: receivers of one cell are one BS, so H[k][j] is the same for every link k of a cell. */
    @Test
    void imacReceiversOfACellAreColocated() {
        SunImacScenario s = new SunImacScenario(3, 12);
        Problem p = s.sample(new RandomStreams(3).stream("x"));
        for (int k = 0; k < 12; k++) {
            for (int k2 = 0; k2 < 12; k2++) {
                if (s.cellOf(k) == s.cellOf(k2)) {
                    for (int j = 0; j < 12; j++) {
                        assertArrayEquals(p.channel(k, j).data, p.channel(k2, j).data);
                    }
                }
            }
        }
        List<Position> sites = s.sites();
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                assertEquals(200.0, sites.get(a).distanceM(sites.get(b)), 1e-9);
            }
        }
        RandomGenerator rng = new RandomStreams(12).stream("x");
        SunImacScenario inner = new SunImacScenario(7, 28, 50.0);
        double circumradius = HexagonalGrid.cellCircumradiusM(200.0);
        for (int t = 0; t < 200; t++) {
            List<Position> users = inner.dropUsers(rng);
            for (int k = 0; k < 28; k++) {
                Position c = inner.sites().get(inner.cellOf(k));
                assertTrue(new Hexagon(c, circumradius).contains(users.get(k)));
                assertTrue(users.get(k).distanceM(c) >= 50.0);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new SunImacScenario(3, 12, 100.0));
    }

    /** Gaussian IC: E|h_kj|^2 = 1; |h|^2 ~ Exp(1) so the SE of the mean over n coefficients is 1 / sqrt(n). */
    @Test
    void gaussianIcCoefficientsHaveUnitPower() {
        SunGaussianIcScenario s = new SunGaussianIcScenario(10);
        RandomStreams streams = new RandomStreams(6);
        double sum = 0;
        int n = 0;
        for (int t = 0; t < 200; t++) {
            Problem p = s.sample(streams.stream("sample/" + t));
            for (int k = 0; k < 10; k++) {
                for (int j = 0; j < 10; j++) {
                    sum += energy(p.channel(k, j));
                    n++;
                }
            }
        }
        assertEquals(1.0, sum / n, STANDARD_ERRORS / Math.sqrt(n));
    }

    /** i.i.d. CN: serving entries have power 1, interfering entries power g (SE 1/sqrt(n) and g/sqrt(n)). */
    @Test
    void iidCnInterferenceGain() {
        IidCnScenario s = IidCnScenario.of(3, 4, 2, 2, 1, 10.0, 0.1);
        RandomStreams streams = new RandomStreams(7);
        double serving = 0;
        double cross = 0;
        int ns = 0;
        int nc = 0;
        for (int t = 0; t < 300; t++) {
            Problem p = s.sample(streams.stream("sample/" + t));
            assertEquals(1e-3 * 10.0, p.bsPowerW(0), 1e-15);
            for (int i = 0; i < p.numUe(); i++) {
                for (int k = 0; k < p.numBs(); k++) {
                    if (p.servingBs(i) == k) {
                        serving += energy(p.channel(i, k));
                        ns += 8;
                    } else {
                        cross += energy(p.channel(i, k));
                        nc += 8;
                    }
                }
            }
        }
        assertEquals(1.0, serving / ns, STANDARD_ERRORS / Math.sqrt(ns));
        assertEquals(0.1, cross / nc, STANDARD_ERRORS * 0.1 / Math.sqrt(nc));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IidCnScenario.of(2, 4, 2, 2, 3, 10, 1));
        assertTrue(e.getMessage().startsWith("streams"));
    }
}
