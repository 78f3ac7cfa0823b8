package org.jetbridge.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.jetbridge.io.InputException;
import org.jetbridge.io.OutputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code jetbridge} program: one sub-command class per task, registered in the {@code subcommands} list below.
 * Exit status 0 on success, 2 for a user mistake (bad option, unreadable or malformed input, unwritable output:
 * one line {@code jetbridge: <message>} on standard error, never a stack trace), 1 for an internal error.
 *
 * <p>Adding a sub-command: a {@code @Command(name = "...", mixinStandardHelpOptions = true)} class implementing
 * {@code Callable<Integer>} in this package, using the {@link EventInputOptions} (a file or {@code --generate}d
 * testbed events), {@link JetSelectionOptions}, {@link OutputOptions} and {@link GeneratorOptions} mixins for events
 * in, jets, a table out and generator settings (write through the
 * {@link org.jetbridge.io.AtomicOutput} and commit last), reporting bad
 * option values with picocli's {@code ParameterException} and bad files with {@code InputException} /
 * {@code OutputException}; then list it in {@code subcommands}.
 */
@Command(name = "jetbridge",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Jet clustering and substructure for hadron-collider events, a physics testbed generator and "
                + "simulation-to-data calibration.",
        subcommands = {ClusterCommand.class, ObservablesCommand.class, GenerateCommand.class, OverlayCommand.class,
            TaggerCommand.class, CalibrateCommand.class, PileupCommand.class, DemoCommand.class, MergeCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "1:internal error (a bug: please report it with the stack trace)",
            "2:usage error, unreadable or malformed input, or unwritable output"})
public final class Main implements Callable<Integer> {
    /** Exit status for a user mistake. */
    public static final int USER_ERROR = 2;
    /** Exit status for a bug. */
    public static final int INTERNAL_ERROR = 1;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        cl.getErr().println("jetbridge: missing command");
        cl.usage(cl.getErr());
        return USER_ERROR;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
                1 << 16));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int status;
        try {
            status = execute(out, err, args);
        } catch (OutOfMemoryError e) {
            out.flush();
            err.println("jetbridge: out of memory; give Java more with JAVA_OPTS=-Xmx8g (or less input per run)");
            status = USER_ERROR;
        }
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs the program with the given arguments and streams, returning the exit status (for tests and embedding). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        int status = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** The command tree with jetbridge's error handling, writing to the given streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("jetbridge: " + oneLine(firstProblem(ex)));
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return USER_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            if (ex instanceof InputException || ex instanceof OutputException) {
                c.getErr().println("jetbridge: " + oneLine(ex.getMessage()));
                return USER_ERROR;
            }
            c.getErr().println("jetbridge: internal error (please report it with what follows): " + ex);
            ex.printStackTrace(c.getErr());
            return INTERNAL_ERROR;
        });
        return cl;
    }

    /** A mistyped option usually also leaves a required one missing: the typo is the message that helps. */
    private static String firstProblem(CommandLine.ParameterException ex) {
        List<String> unmatched = ex.getCommandLine().getUnmatchedArguments();
        if (ex instanceof CommandLine.MissingParameterException && !unmatched.isEmpty()) {
            String first = unmatched.get(0);
            return (first.startsWith("-") ? "Unknown option: '" : "Unmatched argument: '") + first + "'";
        }
        return ex.getMessage();
    }

    private static String oneLine(String s) {
        return s == null ? "(no message)" : s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
