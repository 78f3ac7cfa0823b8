package org.jetbridge.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.jetbridge.core.JetDefinition;
import org.jetbridge.io.JetCsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jetbridge cluster}: inclusive jets of every event, one CSV row per jet. */
@Command(name = "cluster",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Cluster the particles of every event into jets and write one CSV row per jet.",
            "",
            "All particles of an event (every pile-up sub-event included) are clustered, E-scheme recombination. "
                    + "Columns: event,jet,pt,rapidity,phi,mass,n_constituents. event and jet are 0-based indices "
                    + "(jets by decreasing pT), pt and mass in GeV (mass negative when m^2 < 0), phi in (-pi, pi]. "
                    + "Events without a jet passing the cuts have no rows. The defaults (anti-kt R = 0.4, "
                    + "pT >= 5 GeV) are those of FastJet's examples.",
            ""})
final class ClusterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EventInputOptions input;

    @Mixin
    JetSelectionOptions jetOptions = new JetSelectionOptions(0.4, 5.0, Double.POSITIVE_INFINITY);

    @Mixin
    OutputOptions output;

    @Option(names = {"-q", "--quiet"}, description = "No progress or summary on standard error.")
    boolean quiet;

    @Override
    public Integer call() {
        JetDefinition definition = jetOptions.definition(spec);
        Progress progress = new Progress(spec.commandLine().getErr(), "jetbridge cluster", quiet);
        JetRows.Counts n = JetRows.write(spec, input, jetOptions, definition, output, progress, JetCsvWriter::new);
        progress.summary(String.format(Locale.ROOT, "%d events, %d jets (%s) in %.2f s, written to %s",
                n.events(), n.jets(), jetOptions.describe(), progress.elapsedSeconds(), output.name()));
        return 0;
    }
}
