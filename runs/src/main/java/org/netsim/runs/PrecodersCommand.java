package org.netsim.runs;

import java.util.concurrent.Callable;
import org.netsim.precoding.PrecoderProvider;
import org.netsim.precoding.PrecoderRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code netsim precoders}: lists the registered precoders, one line each. */
@Command(name = "precoders", mixinStandardHelpOptions = true,
        description = "List the registered precoders (classic and learned), one line each.")
final class PrecodersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (PrecoderProvider.Entry e : PrecoderRegistry.entries()) {
            spec.commandLine().getOut().printf("%-14s %s%n", e.name(), e.description());
        }
        return 0;
    }
}
