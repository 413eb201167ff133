package org.netsim.simcore.distributed;

import org.ejml.data.ZMatrixRMaj;

/**
 * One uplink message in flight: its type, the round it belongs to, sender, receiver and payload (entries as sent,
 * after quantisation), whether the link loses it, and its payload bytes.
 */
final class Message {

    final MessageType type;
    final int round;
    final UeAgent from;
    final BsAgent to;
    final ZMatrixRMaj payload;
    boolean lost;
    long bytes;

    Message(MessageType type, int round, UeAgent from, BsAgent to, ZMatrixRMaj payload) {
        this.type = type;
        this.round = round;
        this.from = from;
        this.to = to;
        this.payload = payload;
    }
}
