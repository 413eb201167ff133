package org.netsim.simcore.distributed;

import org.ejml.data.ZMatrixRMaj;

/**
 * The resolution of uplink message entries ({@link LinkModel#bitsPerReal()}): every real entry x of a message
 * (real and imaginary parts) is sent as
 * <pre>
 *   64 bits: x;   32 bits: (float) x;   1 bit: a sign(x);   b = 2..24 bits: a * round(x / a * q) / q,  q = 2^(b-1) - 1
 * </pre>
 * with a = max |x| over the message (sent once as a 32-bit float), i.e. a uniform mid-tread quantiser of 2q + 1
 * levels on [-a, a] (b = 1: the signs, scaled by a). The rounding error per entry is at most a / (2q).
 */
final class Quantizer {

    private Quantizer() {
    }

    /** Quantises {@code m} in place at {@code bits} per real entry. */
    static void apply(ZMatrixRMaj m, int bits) {
        double[] d = m.data;
        int n = m.getDataLength();
        if (bits == 64) {
            return;
        }
        if (bits == 32) {
            for (int e = 0; e < n; e++) {
                d[e] = (float) d[e];
            }
            return;
        }
        double a = 0;
        for (int e = 0; e < n; e++) {
            a = Math.max(a, Math.abs(d[e]));
        }
        a = (float) a;
        if (a == 0) {
            return;
        }
        if (bits == 1) {
            for (int e = 0; e < n; e++) {
                d[e] = a * Math.signum(d[e]);
            }
            return;
        }
        double q = (1 << (bits - 1)) - 1;
        for (int e = 0; e < n; e++) {
            d[e] = a * Math.rint(d[e] / a * q) / q;
        }
    }
}
