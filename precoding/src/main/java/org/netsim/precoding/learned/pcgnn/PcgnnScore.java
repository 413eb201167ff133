package org.netsim.precoding.learned.pcgnn;

import java.util.List;
import java.util.stream.IntStream;
import org.netsim.precoding.Init;
import org.netsim.precoding.Problem;
import org.netsim.precoding.classic.WmmsePrecoder;
import org.netsim.precoding.learned.mpnn.MpnnScore;

/**
 * The Table IV figure of merit of "A Learning-only Method for Multi-Cell Multi-User MIMO Sum Rate Maximization" for
 * the PCGNN baseline: mean sum rate of the network over the mean sum rate of WMMSE on the same samples, WMMSE as
 * for the StructuralMPNN ({@link MpnnScore#wmmse()}: zero-forcing start, threshold 0.01, at most 50 iterations).
 */
public final class PcgnnScore {

    private PcgnnScore() {
    }

    /** Scores {@code executor} on {@code problems} (in parallel over problems); the result's first field is PCGNN's. */
    public static MpnnScore of(PcgnnExecutor executor, List<Problem> problems) {
        WmmsePrecoder wmmse = MpnnScore.wmmse();
        double[] m = new double[problems.size()];
        double[] w = new double[problems.size()];
        IntStream.range(0, problems.size()).parallel().forEach(s -> {
            Problem p = problems.get(s);
            m[s] = MpnnScore.sumRateNat(p, executor.precoders(p));
            w[s] = MpnnScore.sumRateNat(p, wmmse.solve(p, Init.zf()).precoders());
        });
        return new MpnnScore(IntStream.range(0, m.length).mapToDouble(s -> m[s]).average().orElse(Double.NaN),
                IntStream.range(0, w.length).mapToDouble(s -> w[s]).average().orElse(Double.NaN));
    }
}
