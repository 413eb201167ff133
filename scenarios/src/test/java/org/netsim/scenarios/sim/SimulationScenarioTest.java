package org.netsim.scenarios.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.netsim.scenarios.config.ScenarioFormatException;
import org.netsim.simcore.NetworkSimulation;
import org.netsim.simcore.SlotReport;

/** The built-in time-evolving scenarios load, run (tiny horizon) and reproduce; bad files fail clearly. */
class SimulationScenarioTest {

    private static List<SlotReport> run(SimulationScenario s, long slots) {
        List<SlotReport> out = new ArrayList<>();
        NetworkSimulation sim = new NetworkSimulation(s.seed(), s.network(), s.groups(), s.newPrecodingStage(),
                List.of(out::add));
        sim.start();
        assertEquals(slots, sim.runSlots(slots));
        sim.finish();
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"urban-7cell", "highway-19cell"})
    void builtInScenarioRunsAsASmokeTest(String name) {
        SimulationScenario s = SimulationCatalog.load(name, List.of());
        assertEquals(name, s.name());
        List<SlotReport> reports = run(s, 20);
        assertEquals(20, reports.size());
        for (int t = 0; t < reports.size(); t++) {
            SlotReport r = reports.get(t);
            assertEquals(t, r.slot());
            assertEquals(t * s.network().slotDurationS(), r.timeS(), 1e-12);
            assertTrue(r.numUes() > 0);
            assertTrue(r.sumRateNat() > 0 && Double.isFinite(r.sumRateNat()), "slot " + t + ": " + r.sumRateNat());
        }
        assertTrue(s.resolvedYaml().contains("precoder"), s.resolvedYaml());
    }

    @Test
    void sameSeedSameRatesAndPrecoderDoesNotChangeTheChannels() {
        SimulationScenario wmmse = SimulationCatalog.load("urban-7cell", List.of("slots=30"));
        List<SlotReport> a = run(wmmse, 30);
        List<SlotReport> b = run(wmmse, 30);
        for (int t = 0; t < 30; t++) {
            assertArrayEquals(a.get(t).rateNat(), b.get(t).rateNat(), 0.0, "slot " + t);
            assertArrayEquals(a.get(t).positionXM(), b.get(t).positionXM(), 0.0);
        }
        // common random numbers: another precoder sees the same channels (positions, association, true H)
        SimulationScenario rzf = SimulationCatalog.load("urban-7cell", List.of("precoder=rzf"));
        NetworkSimulation simA = new NetworkSimulation(wmmse.seed(), wmmse.network(), wmmse.groups(),
                wmmse.newPrecodingStage(), List.of());
        NetworkSimulation simB = new NetworkSimulation(rzf.seed(), rzf.network(), rzf.groups(),
                rzf.newPrecodingStage(), List.of());
        simA.start();
        simB.start();
        simA.runSlots(25);
        simB.runSlots(25);
        for (int ue = 0; ue < simA.network().numUes(); ue++) {
            assertEquals(simA.network().servingCell(ue), simB.network().servingCell(ue));
            for (int c = 0; c < wmmse.network().numCells(); c++) {
                ZMatrixRMaj ha = simA.network().trueChannel(ue, c);
                ZMatrixRMaj hb = simB.network().trueChannel(ue, c);
                assertArrayEquals(ha.data, hb.data, 0.0, "UE " + ue + ", cell " + c);
            }
        }
    }

    @Test
    void badScenariosNameTheKey() {
        ScenarioFormatException unknown = assertThrows(ScenarioFormatException.class,
                () -> SimulationCatalog.load("urban-7cell", List.of("layout.numSitez=7")));
        assertTrue(unknown.getMessage().startsWith("urban-7cell: layout: numSitez"), unknown.getMessage());
        ScenarioFormatException range = assertThrows(ScenarioFormatException.class,
                () -> SimulationCatalog.load("urban-7cell", List.of("slotDurationS=-1")));
        assertTrue(range.getMessage().startsWith("urban-7cell: slotDurationS: must be in"), range.getMessage());
        ScenarioFormatException precoder = assertThrows(ScenarioFormatException.class,
                () -> SimulationCatalog.load("urban-7cell", List.of("precoder=nosuch")));
        assertTrue(precoder.getMessage().contains("precoder"), precoder.getMessage());
        ScenarioFormatException top = assertThrows(ScenarioFormatException.class,
                () -> SimulationCatalog.load("urban-7cell", List.of("colour=red")));
        assertTrue(top.getMessage().startsWith("urban-7cell: colour: unknown key"), top.getMessage());
        ScenarioFormatException file = assertThrows(ScenarioFormatException.class,
                () -> SimulationCatalog.load("no/such/file.yaml", List.of()));
        assertTrue(file.getMessage().startsWith("no/such/file.yaml: no such scenario file"), file.getMessage());
    }

    @Test
    void modelBlocksCanBeSwitchedAndTunedWithSet() {
        SimulationScenario iid = SimulationCatalog.load("urban-7cell", List.of("fading=iid"));
        assertTrue(iid.resolvedYaml().contains("model: \"iid\"") || iid.resolvedYaml().contains("model: iid"),
                iid.resolvedYaml());
        SimulationScenario tuned = SimulationCatalog.load("urban-7cell", List.of("fading=iid",
                "fading.bsCorrelation=0.5", "noise.noiseFigureDb=7", "noise.bandwidthHz=~"));
        assertTrue(tuned.resolvedYaml().contains("bsCorrelation"), tuned.resolvedYaml());
        assertEquals(-174 + 10 * Math.log10(SimulationScenario.DEFAULT_BANDWIDTH_HZ) + 7,
                10 * Math.log10(tuned.network().noise().noisePowerW() * 1e3), 1e-9);
    }

    @Test
    void groupDefaultsAppearInTheResolvedScenario() {
        String yaml = """
                slots: 3
                ues:
                  - drop: {model: per-cell, uesPerCell: 1}
                """;
        SimulationScenario s = SimulationScenario.from(org.netsim.scenarios.config.ConfigTree.parse("g.yaml", yaml),
                "g");
        String resolved = s.resolvedYaml();
        assertTrue(resolved.contains("name: \"group0\"") || resolved.contains("name: group0"), resolved);
        assertTrue(resolved.contains("antennas: 2"), resolved);
        assertTrue(resolved.contains("streams: 2"), resolved);
        // the resolved file is a scenario file giving the same scenario
        SimulationScenario again = SimulationScenario.from(org.netsim.scenarios.config.ConfigTree.parse("r.yaml",
                resolved), "g");
        assertEquals(resolved, again.resolvedYaml());
    }

    @Test
    void horizonsAndGroupNamesAreChecked() {
        ScenarioFormatException cap = assertThrows(ScenarioFormatException.class, () -> SimulationCatalog.load(
                "urban-7cell", List.of("slots=~", "durationS=1e7", "slotDurationS=1e-6")));
        assertTrue(cap.getMessage().startsWith("urban-7cell: durationS: at most"), cap.getMessage());
        assertEquals(2500, SimulationCatalog.load("urban-7cell", List.of("slots=~", "durationS=2.5")).slots());
        String twice = """
                ues:
                  - {name: car, drop: {model: per-cell, uesPerCell: 1}}
                  - {name: car, drop: {model: per-cell, uesPerCell: 2}}
                """;
        ScenarioFormatException dup = assertThrows(ScenarioFormatException.class, () -> SimulationScenario.from(
                org.netsim.scenarios.config.ConfigTree.parse("d.yaml", twice), "d"));
        assertTrue(dup.getMessage().startsWith("d.yaml: ues[1].name: 'car' is used by an earlier group"),
                dup.getMessage());
        ScenarioFormatException blank = assertThrows(ScenarioFormatException.class, () -> SimulationScenario.from(
                org.netsim.scenarios.config.ConfigTree.parse("b.yaml",
                        "ues:\n  - {name: ' ', drop: {model: per-cell, uesPerCell: 1}}\n"), "b"));
        assertTrue(blank.getMessage().startsWith("b.yaml: ues[0].name: must not be blank"), blank.getMessage());
    }

    @Test
    void baseStationAgentsAccountForEveryUeTheirPowerAndTheirRates() {
        SimulationScenario s = SimulationCatalog.load("urban-7cell", List.of());
        List<SlotReport> reports = new ArrayList<>();
        NetworkSimulation sim = new NetworkSimulation(s.seed(), s.network(), s.groups(), s.newPrecodingStage(),
                List.of(reports::add));
        sim.start();
        sim.runSlots(5);
        SlotReport last = reports.get(reports.size() - 1);
        int served = 0;
        double rate = 0;
        for (var bs : sim.network().baseStations()) {
            served += bs.getServedUes();
            rate += bs.getCellRateNat();
            assertTrue(bs.getTxPowerW() <= bs.getBudgetW() * (1 + 1e-12), "cell " + bs.getCell());
            assertTrue(bs.getServedUes() == 0 || bs.getTxPowerW() > 0, "a BS with UEs transmits");
        }
        assertEquals(last.numUes(), served);
        assertEquals(last.sumRateNat(), rate, 1e-9 * rate);
        assertEquals(7, sim.network().baseStations().size());
    }

    /**
     * Proportional-fair weights serve the UEs that equal weights switch off: the share of (UE, slot) pairs without
     * rate (below 0.01 nat/s/Hz) falls, and the sum rate stays of the same order.
     */
    @Test
    void proportionalFairWeightsServeTheUesEqualWeightsSwitchOff() {
        double[] off = new double[2];
        double[] mean = new double[2];
        String[] weights = {"equal", "proportional-fair"};
        for (int w = 0; w < 2; w++) {
            SimulationScenario s = SimulationCatalog.load("urban-7cell", List.of("precoder.ueWeights=" + weights[w],
                    "precoder.fairnessTimeConstantSlots=20"));
            List<SlotReport> reports = run(s, 120);
            int pairs = 0;
            for (SlotReport r : reports.subList(60, 120)) {
                for (int u = 0; u < r.numUes(); u++) {
                    off[w] += r.rateNat(u) < 0.01 ? 1 : 0;
                    pairs++;
                }
                mean[w] += r.meanRateNat() / 60;
            }
            off[w] /= pairs;
        }
        assertTrue(off[1] < 0.5 * off[0], "share of UE-slots without rate: equal " + off[0] + ", proportional-fair "
                + off[1]);
        assertTrue(mean[1] > 0.5 * mean[0], "the mean rate stays of the same order: " + mean[0] + " vs " + mean[1]);
    }
}
