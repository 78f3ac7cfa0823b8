package org.jetbridge.cli;

import java.nio.file.Path;
import org.jetbridge.io.AtomicOutput;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --output} option of commands that write one table (a picocli mixin): a file written atomically (it
 * appears only when the command succeeds) or '-' for standard output.
 */
public final class OutputOptions {
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "Output CSV file, created only when the run succeeds; '-' writes standard output.")
    String output;

    /** Opens the output; errors are {@link org.jetbridge.io.OutputException}s naming it. */
    public AtomicOutput open(CommandSpec spec) {
        if ("-".equals(output)) {
            return AtomicOutput.toWriter(spec.commandLine().getOut(), "standard output");
        }
        return AtomicOutput.create(Path.of(output));
    }

    /** The output as the user named it. */
    public String name() {
        return "-".equals(output) ? "standard output" : output;
    }
}
