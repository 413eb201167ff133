package org.netsim.precoding.learned;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the epoch-based trainers share (the Sun et al. DNN and the StructuralMPNN): a copy of the weights of the best
 * epoch so far and its restoration at the end (model selection on the validation set), and the per-epoch
 * reshuffling of the training samples from the trainer's own named random stream, and the check that skips a
 * step whose gradient is not finite (PCGNN and StructuralMPNN).
 */
public final class EpochTraining {

    private EpochTraining() {
    }

    /** @return a copy of every parameter's values, in list order */
    public static float[][] snapshot(List<Parameter> parameters) {
        float[][] s = new float[parameters.size()][];
        for (int i = 0; i < s.length; i++) {
            s[i] = parameters.get(i).getArray().toFloatArray();
        }
        return s;
    }

    /** Writes {@code values} (from {@link #snapshot} of the same list) back into the parameters. */
    public static void restore(List<Parameter> parameters, float[][] values) {
        for (int i = 0; i < values.length; i++) {
            parameters.get(i).getArray().set(FloatBuffer.wrap(values[i]));
        }
    }

    /** Fisher-Yates shuffle of {@code a} in place, drawing from {@code rng}. */
    public static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** @return whether every gradient entry is finite */
    public static boolean gradientsFinite(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray g = p.getArray().getGradient();
                if (g.isNaN().logicalOr(g.isInfinite()).any().getBoolean()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Sets every gradient to zero (a skipped step leaves no stale gradient behind). */
    public static void zeroGradients(List<Parameter> parameters) {
        for (Parameter p : parameters) {
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray g = p.getArray().getGradient();
                g.set(FloatBuffer.wrap(new float[(int) g.size()]));
            }
        }
    }
}
