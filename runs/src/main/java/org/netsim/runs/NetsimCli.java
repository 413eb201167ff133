package org.netsim.runs;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.netsim.precoding.linalg.DecompositionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code netsim} command line. Every sub-command has {@code --help}; bad input ends with a one-line message on
 * stderr ({@code netsim: <what>: <why>}) and a non-zero exit code: 2 for usage errors, 1 for invalid data or
 * failed I/O.
 */
@Command(name = "netsim", mixinStandardHelpOptions = true, versionProvider = NetsimCli.Version.class,
        description = "Multicell MU-MIMO precoding: time-evolving simulations, channel datasets, classic and "
                + "learned precoders, comparisons and benchmarks.",
        subcommands = {RunCommand.class, PlayCommand.class, RenderCommand.class, ScenariosCommand.class,
                PrecodersCommand.class, DatasetCommand.class, PrecodeCommand.class, CompareCommand.class,
                TrainCommand.class, EvaluateCommand.class, BenchCommand.class, RoundsCommand.class,
                ExampleCommand.class, ReproduceCommand.class,
                CommandLine.HelpCommand.class})
public final class NetsimCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Exit code for invalid data, failed decompositions or I/O errors. */
    public static final int EXIT_FAILURE = 1;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new NetsimCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("netsim: " + oneLine(ex));
            commandLine.getErr().flush();
            return EXIT_FAILURE;
        });
        cli.setParameterExceptionHandler((ex, args1) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("netsim: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            c.getErr().flush();
            return c.getCommandSpec().exitCodeOnInvalidInput();
        });
        return cli.execute(args);
    }

    /** A one-line description of a failure, without stack trace; unexpected failures keep their type. */
    static String oneLine(Throwable ex) {
        Throwable t = ex;
        if (t instanceof UncheckedIOException && t.getCause() != null) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? "" : t.getMessage().replace('\n', ' ');
        if (t instanceof IllegalArgumentException || t instanceof IOException || t instanceof DecompositionException
                || t instanceof IllegalStateException) {
            if (t instanceof java.nio.file.NoSuchFileException) {
                return msg + ": no such file";
            }
            return msg;
        }
        return t.getClass().getSimpleName() + ": " + msg;
    }

    /** The project version, filtered into a resource at build time. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"netsim " + projectVersion()};
        }
    }

    /** @return the project version, e.g. {@code 0.1.0-SNAPSHOT} */
    public static String projectVersion() {
        try (InputStream in = NetsimCli.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
