package org.netsim.precoding.learned;

import java.util.Locale;

/**
 * Where a learned model runs: {@code auto} (a GPU when the PyTorch engine sees one, else the CPU), {@code cpu}, or
 * {@code gpu} (GPU 0; an error when the engine sees none). The CPU natives are the default build; the parent pom's
 * {@code gpu} profile ({@code mvn -Pgpu}) bundles the CUDA 12.4 natives instead, without which no GPU is visible.
 */
public enum DeviceChoice {
    AUTO, CPU, GPU;

    /**
     * @param value {@code auto}, {@code cpu} or {@code gpu} (case-insensitive)
     * @param option the option's name for the message, e.g. {@code --device}
     * @throws IllegalArgumentException naming the option and the accepted values
     */
    public static DeviceChoice parse(String value, String option) {
        if (value != null) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "auto":
                    return AUTO;
                case "cpu":
                    return CPU;
                case "gpu":
                    return GPU;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException(option + ": unknown device '" + value + "' (expected auto, cpu or gpu)");
    }

    /** @return the lower-case name used on the command line and in options */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
