package org.jetbridge.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks of option values shared by the commands, so that the same mistake gets the same usage error. */
final class Usage {
    private Usage() {
    }

    /** Throws the usage error "{@code option} must be >= {@code min}, got {@code value}" when value &lt; min. */
    static void atLeast(CommandSpec spec, String option, long value, long min) {
        if (value < min) {
            throw new ParameterException(spec.commandLine(), option + " must be >= " + min + ", got " + value);
        }
    }
}
