package org.netsim.simcore.distributed;

import org.ejml.data.ZMatrixRMaj;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * One uplink message: its type, sender, receiver and payload buffer (entries as sent, after quantisation), and,
 * per use, the round it belongs to, whether the link loses it and its payload bytes. Scheduled as its own delivery
 * event. A message is reused: the sender takes it from its free list for a round and gets it back once it is
 * delivered or lost ({@link UeAgent#release}), so payloads are not allocated per round.
 */
final class Message implements Steppable {

    private static final long serialVersionUID = 1L;

    final MessageType type;
    final UeAgent from;
    final BsAgent to;
    /** Index of the sender's link this message travels on (its free list). */
    final int link;
    final ZMatrixRMaj payload;
    int round;
    boolean lost;
    long bytes;

    Message(MessageType type, UeAgent from, BsAgent to, int link, ZMatrixRMaj payload) {
        this.type = type;
        this.from = from;
        this.to = to;
        this.link = link;
        this.payload = payload;
    }

    /** The delivery. */
    @Override
    public void step(SimState state) {
        from.run.deliver(this);
    }
}
