package org.netsim.precoding.classic;

import org.netsim.precoding.Precoder;
import org.netsim.precoding.PrecoderOptions;

/**
 * Common part of the closed-form precoders without options of their own ({@link MrtPrecoder}, {@link ZfPrecoder},
 * {@link EzfPrecoder}): the registry name, and options that accept no algorithm-specific parameter (the common
 * iteration and tolerance settings are ignored: these precoders do not iterate, and report 0 iterations).
 */
public abstract class ClosedFormPrecoder implements Precoder {

    private final String name;

    /**
     * @param name the registry name
     * @param options common options; an algorithm-specific parameter is an error naming it
     */
    protected ClosedFormPrecoder(String name, PrecoderOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options: must not be null");
        }
        options.requireOnly(name);
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }
}
