package org.netsim.precoding.learned;

import org.junit.jupiter.api.Assumptions;

/** JUnit helper: engine-dependent tests call {@link #assumeEngine()} first and are skipped, saying why, without it. */
public final class EngineAssumptions {

    private EngineAssumptions() {
    }

    /** Skips the calling test (not fails it) when the PyTorch engine cannot load, with the reason. */
    public static void assumeEngine() {
        Assumptions.assumeTrue(LearnedEngine.isAvailable(),
                () -> "skipped: no deep-learning engine, " + LearnedEngine.unavailableReason().orElse("unknown"));
    }
}
