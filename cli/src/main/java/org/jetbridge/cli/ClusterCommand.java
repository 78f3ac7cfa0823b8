package org.jetbridge.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jetbridge.core.ClusterSequence;
import org.jetbridge.core.Event;
import org.jetbridge.core.Jet;
import org.jetbridge.core.JetAlgorithm;
import org.jetbridge.core.JetDefinition;
import org.jetbridge.core.RecombinationScheme;
import org.jetbridge.io.AtomicOutput;
import org.jetbridge.io.EventSource;
import org.jetbridge.io.JetCsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

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
                    + "Events without a jet passing the cuts have no rows.",
            ""})
final class ClusterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EventInputOptions input;

    @Option(names = {"-a", "--algorithm"}, defaultValue = "antikt", paramLabel = "ALG",
            converter = AlgorithmConverter.class,
            description = "antikt, cambridge or kt (default: antikt).")
    JetAlgorithm algorithm;

    @Option(names = {"-R", "--radius"}, defaultValue = "0.4", paramLabel = "R",
            description = "Jet radius, in (0, 1000] (default: ${DEFAULT-VALUE}).")
    double radius;

    @Option(names = "--ptmin", defaultValue = "5", paramLabel = "GEV",
            description = "Keep jets with pT >= GEV (default: ${DEFAULT-VALUE} GeV, as in FastJet's examples).")
    double ptMin;

    @Option(names = "--rapmax", paramLabel = "Y",
            description = "Keep only jets with |rapidity| <= Y (default: no cut).")
    Double rapMax;

    @Mixin
    OutputOptions output;

    @Option(names = {"-q", "--quiet"}, description = "No progress or summary on standard error.")
    boolean quiet;

    @Override
    public Integer call() {
        JetDefinition definition = definition();
        Progress progress = new Progress(spec.commandLine().getErr(), "jetbridge cluster", quiet);
        long events = 0;
        long jets;
        try (EventSource source = input.open(); AtomicOutput out = output.open(spec)) {
            JetCsvWriter writer = new JetCsvWriter(out);
            while (source.hasNext()) {
                Event event = source.next();
                writer.write(events, jets(event, definition));
                events++;
                progress.event(events);
            }
            out.commit();
            jets = writer.rows();
        }
        progress.summary(String.format(Locale.ROOT, "%d events, %d jets (%s R = %s, pT >= %s GeV%s) in %.2f s, written to %s",
                events, jets, label(algorithm), fmt(radius), fmt(ptMin), rapMax == null ? "" : ", |y| <= " + fmt(rapMax),
                progress.elapsedSeconds(), output.name()));
        return 0;
    }

    /** The selected jets of one event, by decreasing pT. */
    private List<Jet> jets(Event event, JetDefinition definition) {
        List<Jet> jets = new ClusterSequence(event.momenta(), definition).inclusiveJets(ptMin);
        if (rapMax == null) {
            return jets;
        }
        List<Jet> kept = new ArrayList<>(jets.size());
        for (Jet j : jets) {
            if (Math.abs(j.rapidity()) <= rapMax) {
                kept.add(j);
            }
        }
        return kept;
    }

    private JetDefinition definition() {
        if (!(radius > 0) || radius > JetDefinition.MAX_RADIUS) {
            throw new ParameterException(spec.commandLine(),
                    "--radius must be in (0, " + fmt(JetDefinition.MAX_RADIUS) + "], got " + fmt(radius));
        }
        if (!(ptMin >= 0) || Double.isInfinite(ptMin)) {
            throw new ParameterException(spec.commandLine(), "--ptmin must be a finite number >= 0, got " + fmt(ptMin));
        }
        if (rapMax != null && !(rapMax >= 0)) {
            throw new ParameterException(spec.commandLine(), "--rapmax must be >= 0, got " + fmt(rapMax));
        }
        return new JetDefinition(algorithm, radius, Double.NaN, RecombinationScheme.E_SCHEME);
    }

    private static String label(JetAlgorithm a) {
        return switch (a) {
            case ANTIKT -> "anti-kt";
            case CAMBRIDGE -> "Cambridge/Aachen";
            case KT -> "kt";
            case GENKT -> "generalised kt";
        };
    }

    private static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    /** Algorithm names as physicists write them. */
    static final class AlgorithmConverter implements ITypeConverter<JetAlgorithm> {
        @Override
        public JetAlgorithm convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "antikt", "anti-kt", "akt" -> JetAlgorithm.ANTIKT;
                case "cambridge", "ca", "cambridge-aachen" -> JetAlgorithm.CAMBRIDGE;
                case "kt" -> JetAlgorithm.KT;
                default -> throw new TypeConversionException("expected antikt, cambridge or kt, got '" + value + "'");
            };
        }
    }
}
