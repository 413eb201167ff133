package org.netsim.precoding.learned;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * The weight initialisation of "Learning to Optimize: Training Deep Neural Networks for Wireless Resource
 * Management" (Sun et al., Section IV-C and its footnote 2): each weight is a standard normal draw, redrawn while
 * its absolute value exceeds 2, divided by the square root of the neuron's number of inputs (the fan-in, the last
 * axis of a DJL {@code Linear} weight of shape [out, in]).
 *
 * <p>Draws come from a {@link SplittableRandom} of the given seed, in the order DJL initialises the parameters
 * (deterministic for a given architecture), so a seed fixes the initial network on every engine and device.
 */
public final class TruncatedNormalInitializer implements Initializer {

    /** Draws beyond this many standard deviations are redrawn (the paper's footnote 2). */
    public static final double TRUNCATION = 2.0;

    private final SplittableRandom rng;

    /** @param seed the seed of the draws */
    public TruncatedNormalInitializer(long seed) {
        this.rng = new SplittableRandom(seed);
    }

    @Override
    public synchronized NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        long fanIn = shape.dimension() < 2 ? 1 : shape.get(shape.dimension() - 1);
        double scale = 1.0 / Math.sqrt(fanIn);
        double[] w = new double[Math.toIntExact(shape.size())];
        for (int i = 0; i < w.length; i++) {
            double z;
            do {
                z = gaussian();
            } while (Math.abs(z) > TRUNCATION);
            w[i] = z * scale;
        }
        return manager.create(w, shape).toType(dataType, false);
    }

    /** A standard normal draw (Box-Muller, one value per pair of uniforms). */
    private double gaussian() {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log1p(-u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
