package org.netsim.simcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.radio.geometry.Position;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.engine.Stoppable;

/**
 * Attaching to a host that is already running, detaching, and attaching again: the slots follow the host's clock
 * from the chosen start, stop with the handle, and resume with the slot count and the UEs' state kept.
 */
class AttachmentTest {

    @Test
    void attachWhileRunningDetachAndAttachAgain() {
        SimState host = new SimState(8);
        host.start();
        int[] ticks = {0};
        host.schedule.scheduleRepeating(0.0, 0, (Steppable) s -> ticks[0]++, 1.0);
        for (int i = 0; i < 10; i++) {
            host.schedule.step(host); // the host runs alone for ticks 0..9
        }
        RadioNetwork network = new RadioNetwork(TestNetworks.config(), TestNetworks.stage(),
                RadioNetwork.hostStreams(host));
        network.addUe(Terminal.of(() -> new Position(30, 40)), 2, 1);
        network.addUe(Terminal.of(() -> new Position(-100, 20), () -> 1.5), 2, 2);
        List<SlotReport> reports = new ArrayList<>();
        network.addListener(reports::add);
        double now = host.schedule.getTime();
        Stoppable handle = network.attach(host, new HostSchedule(now + 1, 1, 0));
        for (int i = 0; i < 5; i++) {
            host.schedule.step(host);
        }
        assertEquals(5, reports.size());
        assertEquals(0, reports.get(0).slot());
        assertEquals((now + 1) * TestNetworks.SLOT_S, reports.get(0).timeS(), 1e-15);
        assertEquals(0.0, reports.get(1).speedMps()[0], "a static position-only terminal does not move");
        assertEquals(1.5, reports.get(1).speedMps()[1], "the host's own speed is used");
        handle.stop();
        for (int i = 0; i < 3; i++) {
            host.schedule.step(host);
        }
        assertEquals(5, reports.size(), "no slot after stop");
        double later = host.schedule.getTime();
        network.attach(host, new HostSchedule(later + 2, 4, 10)); // another clock and orderings
        for (int i = 0; i < 12; i++) {
            host.schedule.step(host);
        }
        assertTrue(reports.size() > 5, "slots resume");
        assertEquals(5, reports.get(5).slot(), "the slot count goes on");
        assertEquals((later + 2) * TestNetworks.SLOT_S / 4, reports.get(5).timeS(), 1e-15);
        assertEquals(2, reports.get(reports.size() - 1).numUes());
        assertTrue(ticks[0] > 20, "the host's own agent kept running");
        assertThrows(IllegalStateException.class, () -> network.attach(host, new HostSchedule(1e6, 1, 0)));
        host.finish();
    }
}
