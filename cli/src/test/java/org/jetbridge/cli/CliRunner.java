package org.jetbridge.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** Runs the jetbridge program in-process with captured standard output and error. */
final class CliRunner {
    /** Golden FastJet numbers and their input, read in place from core's test resources (tests run in cli/). */
    static final Path REFERENCE = Paths.get("..", "core", "src", "test", "resources", "reference");
    /** The hand-written HepMC3 file of the io tests. */
    static final Path HEPMC3 = Paths.get("..", "io", "src", "test", "resources", "hepmc3", "two-events.hepmc3");

    record Result(int status, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }
    }

    private CliRunner() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(status, out.toString(), err.toString());
    }
}
