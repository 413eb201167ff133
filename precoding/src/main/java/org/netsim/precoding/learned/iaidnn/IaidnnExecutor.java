package org.netsim.precoding.learned.iaidnn;

import java.util.Map;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Problem;
import org.netsim.precoding.RateEvaluator;
import org.netsim.precoding.linalg.ComplexOps;

/**
 * The per-problem (EJML, double precision) executor of IAIDNN (GCN-WMMSE paper "Coordinated Sum-Rate Maximization
 * in Multicell MU-MIMO with Deep Unrolling", §V-C), over the same weights as the batched {@link IaidnnNetwork}.
 *
 * <p><b>The no-μ WMMSE iteration.</b> One BS with power budget P (W) serves UEs i = 1..I, H_i [N x M], V_i [M x d],
 * noise sigma_i^2 (W per antenna), weights alpha_i. In a single cell the power constraint tr(V V^H) &lt;= P is
 * met with equality at the optimum, and for t(V) = sum_j ||V_j||_F^2 the scale-invariant rates
 * <pre>
 *   R_i(V) = log det(I + H_i V_i V_i^H H_i^H (sum_{j != i} H_i V_j V_j^H H_i^H + (sigma_i^2 / P) t(V) I)^{-1})
 * </pre>
 * equal the true rates at t(V) = P and do not change under V -&gt; c V. Maximising sum_i alpha_i R_i(V) without a
 * constraint and scaling the result to t = P therefore solves the constrained problem (Hu et al.'s equivalent
 * objective). Its WMMSE reformulation (the noise term replaced by (sigma_i^2 / P) t(V) I) gives, per layer,
 * <pre>
 *   A_i = sum_j H_i V_j V_j^H H_i^H + (sigma_i^2 / P) t(V) I_N             [N x N]
 *   U_i = A_i^{-1} H_i V_i                                                [N x d]
 *   E_i = I_d - U_i^H H_i V_i,   W_i = E_i^{-1}                           [d x d]
 *   B   = sum_j alpha_j H_j^H U_j W_j U_j^H H_j + mu I_M,
 *         mu = sum_j alpha_j (sigma_j^2 / P) tr(U_j W_j U_j^H)             [M x M]
 *   V_i = B^{-1} (alpha_i H_i^H U_i W_i)                                  [M x d]
 * </pre>
 * (the V-step is the stationarity condition of sum_j alpha_j tr(W_j E_j(V)) in V_i: the derivative of
 * t(V) tr(...) brings the term mu V_i, so mu appears in closed form and there is no bisection and no
 * eigendecomposition). Each step is homogeneous: V -&gt; c V maps U -&gt; U / c, W -&gt; W, B -&gt; B / c^2 and the new
 * V -&gt; c V. At a fixed point scaled to t = P, mu is exactly the multiplier of the single-cell WMMSE V-step that
 * meets the budget, so the fixed point satisfies the KKT conditions of WMMSE with tr(V V^H) = P.
 *
 * <p><b>IAIDNN.</b> Layer b replaces every inverse product by the trainable first-order form
 * <pre>
 *   A^{-1} T  ~  (A^+ X^b_{g(i)} + A Y^b_{g(i)} + Z^b_{g(i)}) T + O^b_{g(i)},   A^+ = diag(A)^{-1}
 * </pre>
 * with (A, T) = (A_i, H_i V_i) for U, (E_i, I_d) for W and (B, alpha_i H_i^H U_i W_i) for V, g(i) = i or 0
 * ({@link IaidnnArchitecture}); the V-step of the last layer is exact.
 * <b>Normalisation (ours):</b> the paper's Z, Y and O carry the units of A^{-1}, A^{-2} and of the result, which
 * vary by orders of magnitude with the SNR (at 20 dBm / 0 dBm, |1/B_rr| ~ 1e-3) and make one AdamW step size
 * useless (measured: one step of 1e-3 on Z lowered the WSR from 21 to 17 nat/s/Hz). We apply them as
 * <pre>
 *   A^{-1} T  ~  (A^+ X + s^2 A Y + s Z) T + s tau O,   s = mean_r |1 / A_rr|,   tau = ||T||_F / sqrt(n c)
 * </pre>
 * (T [n x c]), a reparametrisation with the same function class per problem that keeps every layer homogeneous
 * like the exact iteration (A -&gt; lambda A, T -&gt; kappa T scales the output by kappa / lambda), so all
 * parameters are dimensionless. The approximate W_i need not be Hermitian;
 * mu uses Re tr(U_j W_j U_j^H). The output is the last layer's V scaled to t(V) = P exactly. The input V^(0) is
 * any start within the budget (the paper's is MRC).
 *
 * <p><b>The authors' form</b> ({@link IaidnnArchitecture#authorsForm()}): as the GCN-WMMSE authors'
 * reimplementation, s = tau = 1 (the matrices applied raw, Y = 0), V is not rescaled between layers (t(V) in A_i is the
 * current total power) and the start is V_i^(0) = (sum_j H_j^H H_j) H_i^H whatever {@code start} is given. Only
 * sigma_i^2 / P and the channels enter, so this form too is invariant to the unit of power; it is not homogeneous
 * in V, which lets the raw Z and O dominate where |A^+| is small.
 *
 * <p>With {@code exact = true} every step is exact: the executor is then L iterations of the no-μ WMMSE iteration
 * above (the weights are not used). Workspaces are allocated once per call and reused across layers.
 */
public final class IaidnnExecutor {

    private final IaidnnWeights weights;
    private final IaidnnArchitecture arch;
    /** [tensor][layer][group] */
    private final java.util.Map<String, ZMatrixRMaj[][]> mats = new java.util.HashMap<>();

    /** @param weights the trained (or initial) weights; converted once */
    public IaidnnExecutor(IaidnnWeights weights) {
        this.weights = weights;
        this.arch = weights.architecture();
        for (String name : arch.tensorNames()) {
            int[] s = arch.shape(name);
            ZMatrixRMaj[][] m = new ZMatrixRMaj[s[0]][s[1]];
            for (int l = 0; l < s[0]; l++) {
                for (int g = 0; g < s[1]; g++) {
                    m[l][g] = weights.matrix(name, l, g);
                }
            }
            mats.put(name, m);
        }
    }

    /** @return the weights */
    public IaidnnWeights weights() {
        return weights;
    }

    /**
     * Runs the L layers.
     *
     * @param problem a single-cell problem of the architecture's dimensions; not modified
     * @param start V_i^(0) per UE [M x d]; not modified
     * @param exact every step exact (the no-μ WMMSE iteration) instead of the trained approximations
     * @return V_i per UE, tr(V V^H) = P
     * @throws IllegalArgumentException (one line) if the problem's dimensions differ from the architecture's
     */
    public ZMatrixRMaj[] run(Problem problem, ZMatrixRMaj[] start, boolean exact) {
        requireFits(problem);
        RateEvaluator.checkShapes(problem, start);
        int numUe = arch.numUes();
        int m = arch.bsAntennas();
        int n = arch.ueAntennas();
        int d = arch.streams();
        double powerW = problem.bsPowerW(0);
        ZMatrixRMaj[] v = new ZMatrixRMaj[numUe];
        ZMatrixRMaj[] vNext = new ZMatrixRMaj[numUe];
        ZMatrixRMaj[] u = new ZMatrixRMaj[numUe];
        ZMatrixRMaj[] w = new ZMatrixRMaj[numUe];
        ZMatrixRMaj[] h = new ZMatrixRMaj[numUe];
        ZMatrixRMaj gram = null;                                                       // sum_j H_j^H H_j
        if (arch.authorsForm()) {
            gram = new ZMatrixRMaj(m, m);
            ZMatrixRMaj hh = new ZMatrixRMaj(m, m);
            for (int j = 0; j < numUe; j++) {
                ComplexOps.multAhB(problem.channel(j, 0), problem.channel(j, 0), hh);
                for (int e = 0; e < hh.data.length; e++) {
                    gram.data[e] += hh.data[e];
                }
            }
        }
        for (int i = 0; i < numUe; i++) {
            if (gram != null) {
                v[i] = new ZMatrixRMaj(m, d);
                ComplexOps.mult(gram, ComplexOps.conjugateTranspose(problem.channel(i, 0)), v[i]); // authors' start
            } else {
                v[i] = start[i].copy();
            }
            vNext[i] = new ZMatrixRMaj(m, d);
            u[i] = new ZMatrixRMaj(n, d);
            w[i] = new ZMatrixRMaj(d, d);
            h[i] = problem.channel(i, 0);
        }
        ZMatrixRMaj a = new ZMatrixRMaj(n, n);
        ZMatrixRMaj hv = new ZMatrixRMaj(n, d);
        ZMatrixRMaj e = new ZMatrixRMaj(d, d);
        ZMatrixRMaj eyeD = ComplexOps.identity(d);
        ZMatrixRMaj b = new ZMatrixRMaj(m, m);
        ZMatrixRMaj hu = new ZMatrixRMaj(m, d);     // H_i^H U_i
        ZMatrixRMaj huw = new ZMatrixRMaj(m, d);    // H_i^H U_i W_i
        ZMatrixRMaj uw = new ZMatrixRMaj(n, d);
        ZMatrixRMaj uwu = new ZMatrixRMaj(n, n);
        boolean raw = arch.authorsForm();
        Approximation approxN = new Approximation(n, raw);
        Approximation approxD = new Approximation(d, raw);
        Approximation approxM = new Approximation(m, raw);
        for (int layer = 0; layer < arch.layers(); layer++) {
            double t = arch.authorsForm() ? totalPower(v) : scaleToBudget(v, powerW);  // ours: t(V) = P
            // UE side: U_i and W_i
            for (int i = 0; i < numUe; i++) {
                a.zero();
                for (int j = 0; j < numUe; j++) {
                    ComplexOps.mult(h[i], v[j], hv);                                   // [N x d]
                    ComplexOps.multAddABh(hv, hv, a);                                  // [N x N]
                }
                ComplexOps.addIdentity(problem.noisePowerW(i) / powerW * t, a);
                ComplexOps.mult(h[i], v[i], hv);
                int g = arch.group(i);
                if (exact) {
                    ComplexOps.choleskySolve(a, hv, u[i]);
                } else {
                    approxN.apply(a, hv, part("Xu", layer, g), part("Yu", layer, g), part("Zu", layer, g),
                            part("Ou", layer, g), u[i]);
                }
                ComplexOps.multAhB(u[i], hv, e);                                       // [d x d]
                ComplexOps.scale(-1.0, e);
                ComplexOps.addIdentity(1.0, e);
                if (exact) {
                    ComplexOps.luSolve(e, eyeD, w[i]);
                } else {
                    approxD.apply(e, eyeD, part("Xw", layer, g), part("Yw", layer, g), part("Zw", layer, g),
                            part("Ow", layer, g), w[i]);
                }
            }
            // BS side: B with mu in closed form, then V_i
            b.zero();
            double mu = 0;
            for (int j = 0; j < numUe; j++) {
                ComplexOps.multAhB(h[j], u[j], hu);                                    // H_j^H U_j [M x d]
                ComplexOps.mult(hu, w[j], huw);                                        // [M x d]
                double alpha = problem.weight(j);
                ComplexOps.scale(alpha, huw);
                ComplexOps.multAddABh(huw, hu, b);                                     // += alpha H^H U W U^H H
                ComplexOps.mult(u[j], w[j], uw);
                ComplexOps.multABh(uw, u[j], uwu);
                mu += alpha * problem.noisePowerW(j) / powerW * ComplexOps.traceReal(uwu);
            }
            ComplexOps.addIdentity(mu, b);
            boolean exactV = exact || layer == arch.layers() - 1;
            for (int i = 0; i < numUe; i++) {
                ComplexOps.multAhB(h[i], u[i], hu);
                ComplexOps.mult(hu, w[i], huw);
                ComplexOps.scale(problem.weight(i), huw);                              // alpha_i H_i^H U_i W_i
                if (exactV) {
                    ComplexOps.luSolve(b, huw, vNext[i]);
                } else {
                    int g = arch.group(i);
                    approxM.apply(b, huw, part("Xv", layer, g), part("Yv", layer, g), part("Zv", layer, g),
                            part("Ov", layer, g), vNext[i]);
                }
            }
            ZMatrixRMaj[] swap = v;
            v = vNext;
            vNext = swap;
        }
        scaleToBudget(v, powerW);
        return v;
    }

    /** @return t(V) = sum_j ||V_j||_F^2 */
    private static double totalPower(ZMatrixRMaj[] v) {
        double t = 0;
        for (ZMatrixRMaj vi : v) {
            t += ComplexOps.frobeniusSquared(vi);
        }
        return t;
    }

    /** Scales V to t(V) = P in place; @return P */
    private static double scaleToBudget(ZMatrixRMaj[] v, double powerW) {
        double t = 0;
        for (ZMatrixRMaj vi : v) {
            t += ComplexOps.frobeniusSquared(vi);
        }
        if (!(t > 0) || !Double.isFinite(t)) {
            throw new IllegalStateException("iaidnn: the precoders have total power " + t
                    + " W (cannot scale to the budget)");
        }
        double s = Math.sqrt(powerW / t);
        for (ZMatrixRMaj vi : v) {
            ComplexOps.scale(s, vi);
        }
        return powerW;
    }

    /** Checks the problem against the architecture's dimensions (one line naming the first difference). */
    public void requireFits(Problem problem) {
        Map<String, Integer> actual = IaidnnArchitecture.dimensionsOf(problem);
        for (Map.Entry<String, Integer> e : arch.dimensions().entrySet()) {
            if (!actual.get(e.getKey()).equals(e.getValue())) {
                throw new IllegalArgumentException("iaidnn: the model accepts " + e.getKey() + " = " + e.getValue()
                        + ", the problem has " + e.getKey() + " = " + actual.get(e.getKey())
                        + " (an IAIDNN parameter set is tied to its dimensions)");
            }
        }
    }

    private ZMatrixRMaj part(String name, int layer, int group) {
        ZMatrixRMaj[][] m = mats.get(name);
        return m == null ? null : m[layer][group];
    }

    /**
     * out = (A^+ X + s^2 A Y + s Z) T + s tau O with workspaces for one size (s, tau: class Javadoc; s = tau = 1
     * in the authors' raw form).
     */
    private static final class Approximation {
        private final ZMatrixRMaj g;
        private final ZMatrixRMaj ay;
        private final boolean raw;

        Approximation(int size, boolean raw) {
            g = new ZMatrixRMaj(size, size);
            ay = new ZMatrixRMaj(size, size);
            this.raw = raw;
        }

        /** @param y null when Y = 0 */
        void apply(ZMatrixRMaj a, ZMatrixRMaj t, ZMatrixRMaj x, ZMatrixRMaj y, ZMatrixRMaj z, ZMatrixRMaj o,
                ZMatrixRMaj out) {
            int n = a.numRows;
            double s = 0;
            for (int r = 0; r < n; r++) {
                s += 1 / Math.hypot(a.getReal(r, r), a.getImag(r, r));
            }
            s /= n;                                                                    // mean |1 / A_rr|
            double tau = Math.sqrt(ComplexOps.frobeniusSquared(t) / (t.numRows * t.numCols)); // rms |T_rc|
            if (raw) {
                s = 1;
                tau = 1;
            }
            for (int r = 0; r < n; r++) {
                double ar = a.getReal(r, r);
                double ai = a.getImag(r, r);
                double den = ar * ar + ai * ai;
                double ir = ar / den;                                                  // 1 / A_rr
                double ii = -ai / den;
                for (int c = 0; c < n; c++) {
                    double xr = x.getReal(r, c);
                    double xi = x.getImag(r, c);
                    g.set(r, c, ir * xr - ii * xi + s * z.getReal(r, c), ir * xi + ii * xr + s * z.getImag(r, c));
                }
            }
            if (y != null) {
                ComplexOps.mult(a, y, ay);
                double s2 = s * s;
                for (int e = 0; e < g.data.length; e++) {
                    g.data[e] += s2 * ay.data[e];
                }
            }
            ComplexOps.mult(g, t, out);
            double so = s * tau;
            for (int e = 0; e < out.data.length; e++) {
                out.data[e] += so * o.data[e];
            }
        }
    }
}
