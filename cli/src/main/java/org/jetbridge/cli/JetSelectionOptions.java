package org.jetbridge.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jetbridge.core.ClusterSequence;
import org.jetbridge.core.Event;
import org.jetbridge.core.Jet;
import org.jetbridge.core.JetAlgorithm;
import org.jetbridge.core.JetDefinition;
import org.jetbridge.core.RecombinationScheme;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The jet definition and jet cuts of every command that clusters events into inclusive jets (a picocli mixin):
 * {@code --algorithm}, {@code --radius}, {@code --ptmin} (GeV) and {@code --rapmax}. Each command creates its own
 * instance with the defaults that suit it; picocli fills in what the user gives.
 */
public final class JetSelectionOptions {
    @Option(names = {"-a", "--algorithm"}, paramLabel = "ALG", converter = AlgorithmConverter.class,
            description = "antikt, cambridge or kt (default: antikt).")
    JetAlgorithm algorithm = JetAlgorithm.ANTIKT;

    @Option(names = {"-R", "--radius"}, paramLabel = "R",
            description = "Jet radius, in (0, 1000] (default: ${DEFAULT-VALUE}).")
    double radius;

    @Option(names = "--ptmin", paramLabel = "GEV",
            description = "Keep jets with pT >= GEV (default: ${DEFAULT-VALUE} GeV).")
    double ptMin;

    @Option(names = "--rapmax", paramLabel = "Y",
            description = "Keep only jets with |rapidity| <= Y; Infinity keeps all (default: ${DEFAULT-VALUE}).")
    double rapMax;

    /** Picocli needs a no-argument constructor for mixins it creates itself; commands use the other one. */
    JetSelectionOptions() {
        this(0.4, 5.0, Double.POSITIVE_INFINITY);
    }

    /** Options with the given defaults (radius, pT threshold in GeV, |y| cut; infinity for none). */
    JetSelectionOptions(double radius, double ptMin, double rapMax) {
        this.radius = radius;
        this.ptMin = ptMin;
        this.rapMax = rapMax;
    }

    /** The E-scheme jet definition asked for; bad values are usage errors of the command. */
    public JetDefinition definition(CommandSpec spec) {
        if (!(radius > 0) || radius > JetDefinition.MAX_RADIUS) {
            throw new ParameterException(spec.commandLine(),
                    "--radius must be in (0, " + fmt(JetDefinition.MAX_RADIUS) + "], got " + fmt(radius));
        }
        if (!(ptMin >= 0) || Double.isInfinite(ptMin)) {
            throw new ParameterException(spec.commandLine(), "--ptmin must be a finite number >= 0, got " + fmt(ptMin));
        }
        if (!(rapMax >= 0)) {
            throw new ParameterException(spec.commandLine(), "--rapmax must be >= 0, got " + fmt(rapMax));
        }
        return new JetDefinition(algorithm, radius, Double.NaN, RecombinationScheme.E_SCHEME);
    }

    /** The selected inclusive jets of one event (all its particles), by decreasing pT. */
    public List<Jet> jets(Event event, JetDefinition definition) {
        List<Jet> jets = new ClusterSequence(event.momenta(), definition).inclusiveJets(ptMin);
        if (rapMax == Double.POSITIVE_INFINITY) {
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

    /** For summaries: e.g. {@code anti-kt R = 1, pT >= 100 GeV, |y| <= 2.5}. */
    public String describe() {
        return label(algorithm) + " R = " + fmt(radius) + ", pT >= " + fmt(ptMin) + " GeV"
                + (rapMax == Double.POSITIVE_INFINITY ? "" : ", |y| <= " + fmt(rapMax));
    }

    private static String label(JetAlgorithm a) {
        return switch (a) {
            case ANTIKT -> "anti-kt";
            case CAMBRIDGE -> "Cambridge/Aachen";
            case KT -> "kt";
            case GENKT -> "generalised kt";
        };
    }

    /** Integers without ".0", everything else as Java prints doubles (for messages). */
    static String fmt(double x) {
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
