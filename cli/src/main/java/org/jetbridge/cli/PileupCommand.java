package org.jetbridge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jetbridge pileup}: pile-up removal by posterior sampling — train, sample, evaluate against the baselines. */
@Command(name = "pileup",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {"Pile-up removal as posterior sampling: a conditional generative model of the hard-scatter "
                + "constituents of a jet given its pile-up-contaminated version, the learned per-particle classifier, "
                + "and their evaluation against SoftDrop, area-median subtraction, SoftKiller and PUPPI across mu."},
        subcommands = {PileupTrainCommand.class, PileupSampleCommand.class, PileupEvaluateCommand.class})
final class PileupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        cl.getErr().println("jetbridge pileup: missing command (train, sample or evaluate)");
        cl.usage(cl.getErr());
        return Main.USER_ERROR;
    }
}
