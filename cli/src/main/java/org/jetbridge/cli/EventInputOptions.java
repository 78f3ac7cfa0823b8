package org.jetbridge.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import org.jetbridge.core.Event;
import org.jetbridge.io.EventFormat;
import org.jetbridge.io.EventSource;
import org.jetbridge.sim.GeneratorSettings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Where the events of a command come from (a picocli mixin): a file ({@code --input}, {@code --format}) or the
 * testbed generator ({@code --generate} with {@code --events}, {@code --mu} and the {@link GeneratorOptions}).
 * Exactly one of {@code --input} and {@code --generate}.
 */
public final class EventInputOptions {
    /** Default event count of {@code --generate}: a distribution in seconds. */
    static final long DEFAULT_EVENTS = 1000;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE",
            description = "Event file: FastJet text (*.dat, *.txt) or HepMC3 ASCII (*.hepmc3, *.hepmc), "
                    + "optionally gzipped (*.gz); '-' reads standard input.")
    String input;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "fastjet-dat or hepmc3 (default: from the file extension, else from the first line).")
    EventFormat format;

    @Option(names = "--generate", paramLabel = "PROCESS",
            description = "Instead of --input, generate testbed events: ttbar, flavour or minbias, at particle "
                    + "level (all stable particles but neutrinos, vertex = interaction index: 0 hard scatter, k "
                    + "pile-up).")
    String generate;

    @Option(names = "--events", paramLabel = "N",
            description = "With --generate: number of events (default: " + DEFAULT_EVENTS + ").")
    Long events;

    @Option(names = "--mu", paramLabel = "MU",
            description = "With --generate ttbar or flavour: add N_PU ~ Poisson(MU) pile-up interactions to every "
                    + "event (default: none).")
    Double mu;

    @Mixin
    GeneratorOptions generator;

    /** A stream of events that is closed after use; closing never throws. */
    public interface Events extends Iterator<Event>, AutoCloseable {
        @Override
        void close();
    }

    /** Opens the input or starts the generator; file errors are {@link org.jetbridge.io.InputException}s. */
    public Events open(CommandSpec spec) {
        if (input != null && generate != null) {
            throw new ParameterException(spec.commandLine(), "give either --input or --generate, not both");
        }
        if (input == null && generate == null) {
            throw new ParameterException(spec.commandLine(),
                    "missing input: give --input FILE or --generate ttbar|flavour|minbias");
        }
        if (input != null) {
            String stray = events != null ? "--events" : mu != null ? "--mu" : generator.firstGiven();
            if (stray != null) {
                throw new ParameterException(spec.commandLine(), stray + " applies only with --generate");
            }
            EventSource source = "-".equals(input)
                    ? EventSource.open(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8),
                            1 << 16), "standard input", format)
                    : EventSource.open(Path.of(input), format);
            return new Events() {
                @Override
                public boolean hasNext() {
                    return source.hasNext();
                }

                @Override
                public Event next() {
                    return source.next();
                }

                @Override
                public void close() {
                    source.close();
                }
            };
        }
        String process = generate.toLowerCase(Locale.ROOT);
        if (!process.equals("ttbar") && !process.equals("flavour") && !process.equals("minbias")) {
            throw new ParameterException(spec.commandLine(), "--generate: unknown process '" + generate
                    + "', expected ttbar, flavour or minbias");
        }
        if (format != null) {
            throw new ParameterException(spec.commandLine(), "--format applies only with --input");
        }
        long n = events == null ? DEFAULT_EVENTS : events;
        Usage.atLeast(spec, "--events", n, 0);
        if (mu != null && process.equals("minbias")) {
            throw new ParameterException(spec.commandLine(), "--mu does not apply to --generate minbias (one "
                    + "interaction per event)");
        }
        GeneratorOptions.Assignments a = new GeneratorOptions.Assignments();
        if (mu != null) {
            a.add("--mu", "pileup.mu", mu);
        }
        GeneratorSettings settings = generator.settings(spec, a);
        return new GeneratedEvents(process, settings, mu != null, generator.seed(), n, generator.threads(spec));
    }

    /** The input as the user named it. */
    public String name() {
        if (generate != null) {
            return "generated " + generate + " events (preset " + generator.presetName() + ", seed "
                    + generator.seed() + ")";
        }
        return "-".equals(input) ? "standard input" : input;
    }

    static final class FormatConverter implements ITypeConverter<EventFormat> {
        @Override
        public EventFormat convert(String value) {
            try {
                return EventFormat.fromName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected fastjet-dat or hepmc3, got '" + value + "'");
            }
        }
    }
}
