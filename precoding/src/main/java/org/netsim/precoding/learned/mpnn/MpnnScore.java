package org.netsim.precoding.learned.mpnn;

import java.util.List;
import java.util.stream.IntStream;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Init;
import org.netsim.precoding.PrecoderOptions;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.classic.WmmsePrecoder;

/**
 * The paper's figure of merit (Song et al., Table IV, "sum rate over WMMSE"): the mean sum rate of the
 * StructuralMPNN's precoders over the mean sum rate of WMMSE on the same samples, WMMSE as in Section VI-B:
 * zero-forcing start, stopping threshold {@value #WMMSE_TOLERANCE} (relative change of the objective), at most
 * {@value #WMMSE_MAX_ITERATIONS} iterations. Sum rates unweighted (problem (2)), by {@link RateEvaluator}.
 *
 * @param mpnnSumRateNat mean sum rate of the network, nat/s/Hz
 * @param wmmseSumRateNat mean sum rate of WMMSE, nat/s/Hz
 */
public record MpnnScore(double mpnnSumRateNat, double wmmseSumRateNat) {

    /** WMMSE's stopping threshold in the paper. */
    public static final double WMMSE_TOLERANCE = 0.01;
    /** WMMSE's iteration cap in the paper. */
    public static final int WMMSE_MAX_ITERATIONS = 50;

    /** @return MPNN / WMMSE */
    public double ratio() {
        return mpnnSumRateNat / wmmseSumRateNat;
    }

    /** @return the WMMSE baseline of the paper (ZF start is the solve's init) */
    public static WmmsePrecoder wmmse() {
        return new WmmsePrecoder(PrecoderOptions.defaults().withMaxIterations(WMMSE_MAX_ITERATIONS)
                .withTolerance(WMMSE_TOLERANCE));
    }

    /** @return the unweighted sum rate of {@code v} on {@code p}, nat/s/Hz */
    public static double sumRateNat(Problem p, ZMatrixRMaj[] v) {
        double s = 0;
        for (double r : RateEvaluator.evaluate(p, v).ueRateNat()) {
            s += r;
        }
        return s;
    }

    /** Scores {@code executor} on {@code problems} (in parallel over problems). */
    public static MpnnScore of(MpnnExecutor executor, List<Problem> problems) {
        WmmsePrecoder wmmse = wmmse();
        double[] m = new double[problems.size()];
        double[] w = new double[problems.size()];
        IntStream.range(0, problems.size()).parallel().forEach(s -> {
            Problem p = problems.get(s);
            m[s] = sumRateNat(p, executor.precoders(p, Init.zf()));
            w[s] = sumRateNat(p, wmmse.solve(p, Init.zf()).precoders());
        });
        return new MpnnScore(mean(m), mean(w));
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }
}
