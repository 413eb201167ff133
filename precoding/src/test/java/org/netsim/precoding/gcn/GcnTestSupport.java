package org.netsim.precoding.gcn;

import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Problem;
import org.netsim.precoding.TestProblems;
import org.netsim.precoding.linalg.ComplexOps;
import org.netsim.precoding.linalg.PseudoInverse;

/**
 * Test helpers for GCN-WMMSE: random weights that exercise every term (non-zero biases, skips, loading), an
 * independent dense reference of the forward pass written straight from the paper's equations, and relabelled
 * problems.
 */
final class GcnTestSupport {

    private GcnTestSupport() {
    }

    /**
     * Random weights: w taps uniform in [0, 1), complex taps CN(0, 1), biases N(0, biasStd^2) (so that modReLU
     * both thresholds and passes entries), b_S = biasScale.
     */
    static GcnWmmseWeights randomWeights(long seed, int layers, int degree, int features, double biasStd,
            double biasScale) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, double[]> a = GcnWmmseWeights.classicWmmse(layers, degree, features).toArrays();
        for (Map.Entry<String, double[]> e : a.entrySet()) {
            double[] t = e.getValue();
            for (int j = 0; j < t.length; j++) {
                t[j] = switch (e.getKey()) {
                    case GcnWmmseWeights.W_TAPS -> rng.nextDouble();
                    case GcnWmmseWeights.V_BIAS -> biasStd * TestProblems.gaussian(rng);
                    default -> Math.sqrt(0.5) * TestProblems.gaussian(rng);
                };
            }
        }
        return GcnWmmseWeights.fromArrays(layers, degree, features, biasScale, a);
    }

    /** @return ||a - b||_F / max(||b||_F, tiny) over all UEs' matrices stacked */
    static double relativeError(ZMatrixRMaj[] a, ZMatrixRMaj[] b) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            for (int e = 0; e < b[i].getDataLength(); e++) {
                double d = a[i].data[e] - b[i].data[e];
                num += d * d;
                den += b[i].data[e] * b[i].data[e];
            }
        }
        return Math.sqrt(num) / Math.max(Math.sqrt(den), 1e-300);
    }

    /** The problem with UEs relabelled: new UE n is old UE order[n]. */
    static Problem relabelUes(Problem p, int[] order) {
        int numUe = p.numUe();
        int[] n = new int[numUe];
        int[] d = new int[numUe];
        double[] noise = new double[numUe];
        double[] weights = new double[numUe];
        int[] serving = new int[numUe];
        ZMatrixRMaj[][] h = new ZMatrixRMaj[numUe][p.numBs()];
        for (int j = 0; j < numUe; j++) {
            int old = order[j];
            n[j] = p.ueAntennas(old);
            d[j] = p.streams(old);
            noise[j] = p.noisePowerW(old);
            weights[j] = p.weight(old);
            serving[j] = p.servingBs(old);
            for (int k = 0; k < p.numBs(); k++) {
                h[j][k] = p.channel(old, k).copy();
            }
        }
        int[] m = new int[p.numBs()];
        double[] power = new double[p.numBs()];
        for (int k = 0; k < p.numBs(); k++) {
            m[k] = p.bsAntennas(k);
            power[k] = p.bsPowerW(k);
        }
        return Problem.builder().bsAntennas(m).bsPowerW(power).ueAntennas(n).streams(d).noisePowerW(noise)
                .weights(weights).servingBs(serving).channels(h).build();
    }

    /** A random permutation of 0..n-1. */
    static int[] permutation(SplittableRandom rng, int n) {
        int[] p = new int[n];
        for (int j = 0; j < n; j++) {
            p[j] = j;
        }
        for (int j = n - 1; j > 0; j--) {
            int r = rng.nextInt(j + 1);
            int t = p[j];
            p[j] = p[r];
            p[r] = t;
        }
        return p;
    }

    // ------------------------------------------------------------------------------------------ reference

    /**
     * An independent dense forward pass, written directly from the GCN-WMMSE paper with explicit inverses, a
     * bisection for mu on ||(R + mu I)^{-1} V~||^2 = P, the literal modReLU (14) and projection (15).
     *
     * @return V^(l) for l = 0..layers
     */
    static ZMatrixRMaj[][] referenceForward(Problem p, GcnWmmseWeights wt, ZMatrixRMaj[] v0, int layers) {
        int numUe = p.numUe();
        int f = wt.features();
        ZMatrixRMaj[][] out = new ZMatrixRMaj[layers + 1][];
        ZMatrixRMaj[] v = copy(v0);
        out[0] = copy(v);
        ZMatrixRMaj[][] prevP = new ZMatrixRMaj[numUe][]; // per UE, per stream: M x F
        for (int l = 0; l < layers; l++) {
            ZMatrixRMaj[] u = new ZMatrixRMaj[numUe];
            ZMatrixRMaj[] w = new ZMatrixRMaj[numUe];
            for (int i = 0; i < numUe; i++) {
                int n = p.ueAntennas(i);
                ZMatrixRMaj j = ComplexOps.identity(n);
                ComplexOps.scale(p.noisePowerW(i), j);
                for (int q = 0; q < numUe; q++) {
                    ZMatrixRMaj g = new ZMatrixRMaj(1, 1);
                    ComplexOps.mult(p.channel(i, p.servingBs(q)), v[q], g);
                    ComplexOps.multAddABh(g, g, j);
                }
                ZMatrixRMaj g = new ZMatrixRMaj(1, 1);
                ComplexOps.mult(p.servingChannel(i), v[i], g);
                u[i] = new ZMatrixRMaj(1, 1);
                ComplexOps.mult(ComplexOps.invert(j), g, u[i]);                       // (3a)
                ZMatrixRMaj e = new ZMatrixRMaj(1, 1);
                ComplexOps.multAhB(g, u[i], e);
                ComplexOps.scale(-1, e);
                ComplexOps.addIdentity(1, e);
                ZMatrixRMaj wHat = ComplexOps.invert(e);                               // (3b)
                w[i] = filter(wHat, wt, l);                                             // (12)
            }
            ZMatrixRMaj[] next = new ZMatrixRMaj[numUe];
            ZMatrixRMaj[][] newP = new ZMatrixRMaj[numUe][];
            for (int k = 0; k < p.numBs(); k++) {
                int[] ues = p.uesOf(k);
                if (ues.length == 0) {
                    continue;
                }
                int m = p.bsAntennas(k);
                ZMatrixRMaj r = new ZMatrixRMaj(m, m);
                for (int q = 0; q < numUe; q++) {
                    ZMatrixRMaj t = uplink(p.channel(q, k), u[q], w[q]);              // H^H U W  [M x d]
                    ZMatrixRMaj hu = new ZMatrixRMaj(1, 1);
                    ComplexOps.multAhB(p.channel(q, k), u[q], hu);                    // H^H U    [M x d]
                    ZMatrixRMaj c = new ZMatrixRMaj(1, 1);
                    ComplexOps.multABh(t, hu, c);                                      // H^H U W U^H H
                    ComplexOps.scale(p.weight(q), c);
                    add(c, r);                                                          // (4)
                }
                ZMatrixRMaj[] cand = new ZMatrixRMaj[numUe];
                double candPower = 0;
                for (int i : ues) {
                    cand[i] = uplink(p.channel(i, k), u[i], w[i]);
                    ComplexOps.scale(p.weight(i), cand[i]);                             // (5)
                    candPower += ComplexOps.frobeniusSquared(cand[i]);
                }
                double budget = p.bsPowerW(k);
                double mu = mu(r, cand, ues, budget, candPower);
                ZMatrixRMaj inv = mu == 0 ? PseudoInverse.compute(r) : ComplexOps.invert(loaded(r, mu));
                double beta = Math.sqrt(budget / ues.length) / wt.biasScale();
                double used = 0;
                for (int i : ues) {
                    ZMatrixRMaj y = new ZMatrixRMaj(1, 1);
                    ComplexOps.mult(inv, cand[i], y);                                  // (R + mu I)^+ V~
                    int d = p.streams(i);
                    next[i] = new ZMatrixRMaj(m, d);
                    newP[i] = new ZMatrixRMaj[d];
                    for (int s = 0; s < d; s++) {
                        ZMatrixRMaj pm = new ZMatrixRMaj(m, f);
                        for (int row = 0; row < m; row++) {
                            for (int q = 0; q < f; q++) {
                                double[] val = cmul(y.getReal(row, s), y.getImag(row, s),
                                        wt.inverseTapRe(l, q), wt.inverseTapIm(l, q));
                                double[] load = cmul(cand[i].getReal(row, s), cand[i].getImag(row, s),
                                        wt.loadTapRe(l, q), wt.loadTapIm(l, q));
                                pm.set(row, q, val[0] + load[0], val[1] + load[1]);    // (13) P~
                            }
                        }
                        if (l > 0) {
                            ZMatrixRMaj dm = new ZMatrixRMaj(f, f);
                            for (int a = 0; a < f; a++) {
                                for (int b = 0; b < f; b++) {
                                    dm.set(a, b, wt.skipRe(l, a, b), wt.skipIm(l, a, b));
                                }
                            }
                            ZMatrixRMaj sk = new ZMatrixRMaj(1, 1);
                            ComplexOps.mult(prevP[i][s], dm, sk);
                            add(sk, pm);                                                // P = P~ + P^(l-1) D
                        }
                        newP[i][s] = pm.copy();
                        for (int row = 0; row < m; row++) {
                            double accR = 0;
                            double accI = 0;
                            for (int q = 0; q < f; q++) {
                                double xr = pm.getReal(row, q);
                                double xi = pm.getImag(row, q);
                                double mag = Math.hypot(xr, xi);
                                double b = beta * wt.bias(l, q);
                                double or = 0;
                                double oi = 0;
                                if (mag + b > 0 && mag > 0) {                           // (14)
                                    or = (mag + b) * xr / mag;
                                    oi = (mag + b) * xi / mag;
                                }
                                double[] c = cmul(or, oi, wt.recombRe(l, q), wt.recombIm(l, q));
                                accR += c[0];
                                accI += c[1];
                            }
                            next[i].set(row, s, accR, accI);
                        }
                    }
                    used += ComplexOps.frobeniusSquared(next[i]);
                }
                double scale = Math.sqrt(budget) / Math.sqrt(Math.max(used, budget));   // (15)
                for (int i : ues) {
                    ComplexOps.scale(scale, next[i]);
                }
            }
            v = next;
            prevP = newP;
            out[l + 1] = copy(v);
        }
        return out;
    }

    private static ZMatrixRMaj filter(ZMatrixRMaj wHat, GcnWmmseWeights wt, int l) {
        int d = wHat.numRows;
        double mean = ComplexOps.traceReal(wHat) / d;
        ZMatrixRMaj w = ComplexOps.identity(d);
        ComplexOps.scale(wt.weightTap(l, 0), w);
        ZMatrixRMaj power = ComplexOps.identity(d);
        for (int g = 1; g <= wt.degree(); g++) {
            ZMatrixRMaj next = new ZMatrixRMaj(1, 1);
            ComplexOps.mult(power, wHat, next);
            power = next;
            ZMatrixRMaj term = power.copy();
            ComplexOps.scale(wt.weightTap(l, g) / Math.pow(mean, g - 1), term);
            add(term, w);
        }
        return w;
    }

    /** mu &gt;= 0 of the budget: 0 if the pseudo-inverse solution fits, else bisection on v(mu) = 1. */
    private static double mu(ZMatrixRMaj r, ZMatrixRMaj[] cand, int[] ues, double budget, double candPower) {
        if (candPower == 0) {
            return 0;
        }
        if (power(PseudoInverse.compute(r), cand, ues) <= budget) {
            return 0;
        }
        double lo = 0;
        double hi = Math.sqrt(candPower / budget);
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (power(ComplexOps.invert(loaded(r, mid)), cand, ues) > budget) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    private static double power(ZMatrixRMaj inv, ZMatrixRMaj[] cand, int[] ues) {
        double s = 0;
        for (int i : ues) {
            ZMatrixRMaj y = new ZMatrixRMaj(1, 1);
            ComplexOps.mult(inv, cand[i], y);
            s += ComplexOps.frobeniusSquared(y);
        }
        return s;
    }

    private static ZMatrixRMaj loaded(ZMatrixRMaj r, double mu) {
        ZMatrixRMaj a = r.copy();
        ComplexOps.addIdentity(mu, a);
        return a;
    }

    /** H^H U W. */
    private static ZMatrixRMaj uplink(ZMatrixRMaj h, ZMatrixRMaj u, ZMatrixRMaj w) {
        ZMatrixRMaj uw = new ZMatrixRMaj(1, 1);
        ComplexOps.mult(u, w, uw);
        ZMatrixRMaj t = new ZMatrixRMaj(1, 1);
        ComplexOps.multAhB(h, uw, t);
        return t;
    }

    private static double[] cmul(double ar, double ai, double br, double bi) {
        return new double[] {ar * br - ai * bi, ar * bi + ai * br};
    }

    private static void add(ZMatrixRMaj a, ZMatrixRMaj target) {
        for (int e = 0; e < a.getDataLength(); e++) {
            target.data[e] += a.data[e];
        }
    }

    static ZMatrixRMaj[] copy(ZMatrixRMaj[] v) {
        ZMatrixRMaj[] c = new ZMatrixRMaj[v.length];
        for (int i = 0; i < v.length; i++) {
            c[i] = v[i].copy();
        }
        return c;
    }
}
