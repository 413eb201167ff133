package org.netsim.precoding.learned;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The deep-learning engine of every learned precoder: DJL with its PyTorch engine (the CPU natives of PyTorch are
 * bundled as a runtime dependency of this module, so no download is ever needed).
 *
 * <p><b>Offline.</b> Before the first load, the system property {@code ai.djl.offline} is set to {@code true}
 * unless the caller already set it: DJL then takes the natives from the class path and never reaches for the
 * network.
 *
 * <p><b>Cache directory.</b> On its first load in a fresh cache, DJL extracts the native PyTorch libraries (about
 * 440 MB for the CPU build) from the class path into {@code <cache>/pytorch/}, which takes a few seconds; later
 * loads reuse them. {@code <cache>} is DJL's cache directory: {@code ~/.djl.ai} by default, or the directory named
 * by the system property or environment variable {@code DJL_CACHE_DIR} (the property wins); {@code ENGINE_CACHE_DIR}
 * relocates the engine natives alone. {@link #cacheDirectory()} reports the directory in use.
 *
 * <p><b>Failure.</b> If the engine cannot load (natives missing, wrong platform, unwritable cache), every learned
 * precoder fails with one line saying why ({@link #unavailableReason()}); classic precoders are unaffected. The
 * load is attempted once per JVM.
 */
public final class LearnedEngine {

    /** DJL's name of the engine. */
    public static final String ENGINE_NAME = "PyTorch";
    /** The system property / environment variable naming DJL's cache directory. */
    public static final String CACHE_DIR_VARIABLE = "DJL_CACHE_DIR";
    /** The system property that keeps DJL offline. */
    public static final String OFFLINE_PROPERTY = "ai.djl.offline";

    private LearnedEngine() {
    }

    /** The result of the one load attempt of this JVM. */
    private static final class Holder {
        static final Engine ENGINE;
        static final String REASON;
        static final long LOAD_MILLIS;

        static {
            if (System.getProperty(OFFLINE_PROPERTY) == null) {
                System.setProperty(OFFLINE_PROPERTY, "true");
            }
            long start = System.nanoTime();
            Engine engine = null;
            String reason = null;
            try {
                engine = Engine.getEngine(ENGINE_NAME);
                // the first NDArray forces the native library load, which getEngine may defer
                try (var manager = engine.newBaseManager()) {
                    manager.create(1f).toFloatArray();
                }
            } catch (RuntimeException | LinkageError e) {
                engine = null;
                reason = "the " + ENGINE_NAME + " engine of DJL " + Engine.getDjlVersion()
                        + " could not load offline (cache " + safeCacheDirectory() + "): " + oneLine(e);
            }
            ENGINE = engine;
            REASON = reason;
            LOAD_MILLIS = (System.nanoTime() - start) / 1_000_000;
        }
    }

    /** @return whether the engine loaded (loads it on the first call) */
    public static boolean isAvailable() {
        return Holder.ENGINE != null;
    }

    /** @return why the engine did not load, or empty if it did */
    public static Optional<String> unavailableReason() {
        return Optional.ofNullable(Holder.REASON);
    }

    /**
     * @return the loaded engine
     * @throws IllegalStateException with the one-line reason when it did not load
     */
    public static Engine engine() {
        if (Holder.ENGINE == null) {
            throw new IllegalStateException(Holder.REASON);
        }
        return Holder.ENGINE;
    }

    /** @return wall-clock milliseconds the load attempt took (native extraction included on a fresh cache) */
    public static long loadMillis() {
        return Holder.LOAD_MILLIS;
    }

    /** @return the directory holding the extracted PyTorch natives, {@code <DJL cache>/pytorch} */
    public static Path cacheDirectory() {
        return Utils.getEngineCacheDir("pytorch");
    }

    /** @return the number of GPUs the engine sees (0 without an engine or with the CPU natives) */
    public static int gpuCount() {
        return isAvailable() ? Holder.ENGINE.getGpuCount() : 0;
    }

    /**
     * Resolves a device choice.
     *
     * @param choice auto, cpu or gpu
     * @param option the option's name for messages, e.g. {@code --device} or {@code device}
     * @return the CPU, or GPU 0
     * @throws IllegalArgumentException (one line, naming the option) for {@code gpu} when no GPU is visible
     * @throws IllegalStateException when the engine did not load
     */
    public static Device device(DeviceChoice choice, String option) {
        int gpus = engine().getGpuCount();
        return switch (choice) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new IllegalArgumentException(option + " gpu: the " + ENGINE_NAME
                            + " engine sees no GPU (this build bundles the CPU natives; build with -Pgpu for CUDA"
                            + " 12.4, or use " + option + " auto or cpu)");
                }
                yield Device.gpu();
            }
        };
    }

    private static String safeCacheDirectory() {
        try {
            return cacheDirectory().toString();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        int nl = msg.indexOf('\n');
        return nl < 0 ? msg : msg.substring(0, nl);
    }
}
