package org.netsim.precoding.classic;

import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Problem;
import org.netsim.precoding.linalg.ComplexOps;
import org.netsim.precoding.linalg.HermitianEigen;

/**
 * A direct, dense implementation of the formulas of "DeepFP: Deep-Unfolded Fractional Programming for Massive MIMO
 * Beamforming" (eq. (3), (10), (26)-(30), (34), (37)-(38)), written literally from the paper with the linear-algebra
 * facade (Cholesky solves, explicit L_k, a full eigendecomposition for lambda_max), as an independent check of the
 * structured implementation in {@link FastFpPrecoder.FpWorkspace}. Slow and allocating on purpose.
 */
final class FpReference {

    private FpReference() {
    }

    /** D_i = sigma_i^2 I + sum_j H_{i k_j} V_j V_j^H H_{i k_j}^H (10). */
    static ZMatrixRMaj received(Problem p, ZMatrixRMaj[] v, int i) {
        return covariance(p, v, i, true);
    }

    /** F_i = D_i minus the UE's own signal term (3). */
    static ZMatrixRMaj interference(Problem p, ZMatrixRMaj[] v, int i) {
        return covariance(p, v, i, false);
    }

    private static ZMatrixRMaj covariance(Problem p, ZMatrixRMaj[] v, int i, boolean withOwn) {
        int n = p.ueAntennas(i);
        ZMatrixRMaj c = new ZMatrixRMaj(n, n);
        ComplexOps.addIdentity(p.noisePowerW(i), c);
        for (int j = 0; j < p.numUe(); j++) {
            if (j == i && !withOwn) {
                continue;
            }
            ZMatrixRMaj g = new ZMatrixRMaj(1, 1);
            ComplexOps.mult(p.channel(i, p.servingBs(j)), v[j], g);
            ComplexOps.multAddABh(g, g, c);
        }
        return c;
    }

    /** H_ik V_i. */
    static ZMatrixRMaj signal(Problem p, ZMatrixRMaj[] v, int i) {
        ZMatrixRMaj s = new ZMatrixRMaj(1, 1);
        ComplexOps.mult(p.servingChannel(i), v[i], s);
        return s;
    }

    /** Y_i = D_i^{-1} H_ik V_i (27). */
    static ZMatrixRMaj y(Problem p, ZMatrixRMaj[] v, int i) {
        ZMatrixRMaj y = new ZMatrixRMaj(1, 1);
        ComplexOps.choleskySolve(received(p, v, i), signal(p, v, i), y);
        return y;
    }

    /** Gamma_i = V_i^H H_ik^H F_i^{-1} H_ik V_i (28). */
    static ZMatrixRMaj gamma(Problem p, ZMatrixRMaj[] v, int i) {
        ZMatrixRMaj s = signal(p, v, i);
        ZMatrixRMaj x = new ZMatrixRMaj(1, 1);
        ComplexOps.choleskySolve(interference(p, v, i), s, x);
        ZMatrixRMaj g = new ZMatrixRMaj(1, 1);
        ComplexOps.multAhB(s, x, g);
        return g;
    }

    /** Y_i (I + Gamma_i). */
    private static ZMatrixRMaj yOnePlusGamma(Problem p, ZMatrixRMaj[] v, int i) {
        ZMatrixRMaj g = gamma(p, v, i);
        ComplexOps.addIdentity(1.0, g);
        ZMatrixRMaj out = new ZMatrixRMaj(1, 1);
        ComplexOps.mult(y(p, v, i), g, out);
        return out;
    }

    /** Lambda_i = alpha_i H_ik^H Y_i (I + Gamma_i) (26). */
    static ZMatrixRMaj lambda(Problem p, ZMatrixRMaj[] v, int i) {
        ZMatrixRMaj out = new ZMatrixRMaj(1, 1);
        ComplexOps.multAhB(p.servingChannel(i), yOnePlusGamma(p, v, i), out);
        ComplexOps.scale(p.weight(i), out);
        return out;
    }

    /** L_k = sum_j alpha_j H_jk^H Y_j (I + Gamma_j) Y_j^H H_jk (30). */
    static ZMatrixRMaj l(Problem p, ZMatrixRMaj[] v, int k) {
        int m = p.bsAntennas(k);
        ZMatrixRMaj l = new ZMatrixRMaj(m, m);
        for (int j = 0; j < p.numUe(); j++) {
            ZMatrixRMaj inner = new ZMatrixRMaj(1, 1);
            ComplexOps.multABh(yOnePlusGamma(p, v, j), y(p, v, j), inner); // Y (I + Gamma) Y^H  [N_j x N_j]
            ZMatrixRMaj left = new ZMatrixRMaj(1, 1);
            ComplexOps.multAhB(p.channel(j, k), inner, left);                // H^H (...)         [M x N_j]
            ZMatrixRMaj term = new ZMatrixRMaj(1, 1);
            ComplexOps.mult(left, p.channel(j, k), term);                     // (...) H           [M x M]
            ComplexOps.scale(p.weight(j), term);
            for (int e = 0; e < l.getDataLength(); e++) {
                l.data[e] += term.data[e];
            }
        }
        return l;
    }

    /**
     * One FastFP iteration, eqs. (36)-(38): Z = V, Vhat_i = Z_i + (Lambda_i - L_k Z_i) / lambda_k with lambda_k the
     * largest eigenvalue of L_k (34) or ||L_k||_F (Remark 9), then the scaling (37).
     *
     * @return the new precoders (v not modified)
     */
    static ZMatrixRMaj[] fastFpIteration(Problem p, ZMatrixRMaj[] v, boolean frobenius) {
        ZMatrixRMaj[] next = new ZMatrixRMaj[v.length];
        for (int k = 0; k < p.numBs(); k++) {
            int[] ues = p.uesOf(k);
            if (ues.length == 0) {
                continue;
            }
            ZMatrixRMaj l = l(p, v, k);
            double lambda = frobenius ? ComplexOps.frobenius(l) : HermitianEigen.largestEigenvalue(l);
            if (!(lambda > 0)) { // L_k = 0: nobody hears BS k, Lambda = 0, nothing to do
                for (int i : ues) {
                    next[i] = v[i].copy();
                }
                continue;
            }
            double power = 0;
            for (int i : ues) {
                ZMatrixRMaj lz = new ZMatrixRMaj(1, 1);
                ComplexOps.mult(l, v[i], lz);
                ZMatrixRMaj lam = lambda(p, v, i);
                next[i] = v[i].copy();
                for (int e = 0; e < next[i].getDataLength(); e++) {
                    next[i].data[e] += (lam.data[e] - lz.data[e]) / lambda;
                }
                power += ComplexOps.frobeniusSquared(next[i]);
            }
            if (power > p.bsPowerW(k)) {
                for (int i : ues) {
                    ComplexOps.scale(Math.sqrt(p.bsPowerW(k) / power), next[i]);
                }
            }
        }
        return next;
    }
}
