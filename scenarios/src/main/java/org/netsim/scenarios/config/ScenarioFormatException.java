package org.netsim.scenarios.config;

/**
 * A scenario file or override is wrong: the message names the source (file or built-in name), the dotted key and
 * the reason, on one line, e.g. {@code urban.yaml: layout.sites: must be one of 1, 7, 19, 37, got 5}.
 */
public class ScenarioFormatException extends IllegalArgumentException {

    public ScenarioFormatException(String message) {
        super(message);
    }
}
