package org.netsim.scenarios.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.scenarios.config.ScenarioFormatException;
import org.netsim.simcore.NetworkSimulation;
import org.netsim.simcore.PrecodingStage;
import org.netsim.simcore.SlotReport;
import org.netsim.simcore.distributed.DistributedPrecoding;
import org.netsim.simcore.distributed.DistributedSlotReport;
import org.netsim.simcore.distributed.MessageType;

/** {@code mode: distributed} of a scenario: the keys, their errors, and a few slots of urban-7cell as rounds. */
class DistributedModeTest {

    private static List<SlotReport> run(SimulationScenario s, PrecodingStage stage, long slots) {
        List<SlotReport> out = new ArrayList<>();
        NetworkSimulation sim = new NetworkSimulation(s.seed(), s.network(), s.groups(), stage, List.of(out::add));
        sim.start();
        assertEquals(slots, sim.runSlots(slots));
        sim.finish();
        return out;
    }

    @Test
    void centralizedByDefault() {
        SimulationScenario s = SimulationCatalog.load("urban-7cell", List.of());
        assertFalse(s.distributed().distributed());
        assertNull(s.newPrecodingStage().execution());
        assertTrue(s.resolvedYaml().contains("mode: \"centralized\"") || s.resolvedYaml().contains("mode: centralized"),
                s.resolvedYaml());
    }

    @Test
    void urbanSevenCellRunsAsMessageRoundsWithTheClosedFormCounts() {
        SimulationScenario s = SimulationCatalog.load("urban-7cell", List.of("mode=distributed"));
        PrecodingStage stage = s.newPrecodingStage();
        DistributedPrecoding dist = (DistributedPrecoding) stage.execution();
        List<DistributedSlotReport> rounds = new ArrayList<>();
        dist.addListener(rounds::add);
        List<SlotReport> reports = run(s, stage, 3);
        int numUe = reports.get(0).numUes();
        int numBs = 7;
        // 1 ms slots of 0.1 + 0.1 ms rounds: 5 rounds; I pilots, I K + I uplink messages of 2 N d = 8 doubles each
        for (int t = 0; t < 3; t++) {
            SlotReport r = reports.get(t);
            assertEquals(5, r.rounds());
            assertEquals(5, r.iterations());
            assertEquals(5L * (numUe + numUe * numBs + numUe), r.messages());
            assertEquals(5L * (numUe * numBs + numUe) * 8 * 8, r.bytes());
            assertEquals(5L * numUe * numBs, rounds.get(t).sent(MessageType.UL_COVARIANCE));
            assertTrue(r.sumRateNat() > 0);
        }
    }

    @Test
    void distributedKeysAreValidated() {
        var e = assertThrows(ScenarioFormatException.class, () -> SimulationCatalog.load("urban-7cell",
                List.of("mode=distributed", "precoder.name=rzf")));
        assertTrue(e.getMessage().contains("rzf") && e.getMessage().contains("distributed"), e.getMessage());
        e = assertThrows(ScenarioFormatException.class, () -> SimulationCatalog.load("urban-7cell",
                List.of("mode=distributed", "distributed.downlinkPhaseS=0", "distributed.uplinkPhaseS=0")));
        assertTrue(e.getMessage().contains("distributed.rounds"), e.getMessage());
        e = assertThrows(ScenarioFormatException.class, () -> SimulationCatalog.load("urban-7cell",
                List.of("distributed.coordinationRadiusM=300")));
        assertTrue(e.getMessage().contains("distributed.coordinationRadiusM"), e.getMessage());
        e = assertThrows(ScenarioFormatException.class, () -> SimulationCatalog.load("urban-7cell",
                List.of("distributed.coordination=strongest")));
        assertTrue(e.getMessage().contains("distributed.coordinationStrongest"), e.getMessage());
        e = assertThrows(ScenarioFormatException.class, () -> SimulationCatalog.load("urban-7cell",
                List.of("distributed.bitsPerReal=40")));
        assertTrue(e.getMessage().contains("bitsPerReal"), e.getMessage());
        e = assertThrows(ScenarioFormatException.class, () -> SimulationCatalog.load("urban-7cell",
                List.of("mode=decentral")));
        assertTrue(e.getMessage().contains("mode"), e.getMessage());
        SimulationScenario ok = SimulationCatalog.load("urban-7cell", List.of("mode=distributed",
                "distributed.rounds=2", "distributed.coordination=radius", "distributed.coordinationRadiusM=600",
                "distributed.lossProbability=0.2", "distributed.bitsPerReal=8"));
        assertEquals(2, ((DistributedPrecoding) ok.newPrecodingStage().execution()).roundBudget());
        assertEquals(org.netsim.simcore.distributed.MessageMemory.PERSISTENT,
                ((DistributedPrecoding) ok.newPrecodingStage().execution()).memory());
        SimulationScenario perSlot = SimulationCatalog.load("urban-7cell", List.of("mode=distributed",
                "distributed.memory=slot"));
        assertEquals(org.netsim.simcore.distributed.MessageMemory.SLOT,
                ((DistributedPrecoding) perSlot.newPrecodingStage().execution()).memory());
        e = assertThrows(ScenarioFormatException.class, () -> SimulationCatalog.load("urban-7cell",
                List.of("distributed.memory=forever")));
        assertTrue(e.getMessage().contains("distributed.memory"), e.getMessage());
    }

    @Test
    void lossyLinksAndRadiusRangeRunWithoutNaN() {
        SimulationScenario s = SimulationCatalog.load("urban-7cell", List.of("mode=distributed",
                "distributed.coordination=radius", "distributed.coordinationRadiusM=400",
                "distributed.lossProbability=0.3", "distributed.latencyS=0.00015", "distributed.bitsPerReal=6"));
        for (SlotReport r : run(s, s.newPrecodingStage(), 4)) {
            assertFalse(Double.isNaN(r.sumRateNat()));
            assertTrue(r.sumRateNat() > 0);
            assertEquals(5, r.rounds());
        }
    }
}
