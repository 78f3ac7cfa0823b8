package org.jetbridge.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jetbridge.io.EventFormat;
import org.jetbridge.io.EventSource;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The {@code --input} and {@code --format} options of every command that reads events (a picocli mixin). */
public final class EventInputOptions {
    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE",
            description = "Event file: FastJet text (*.dat, *.txt) or HepMC3 ASCII (*.hepmc3, *.hepmc), "
                    + "optionally gzipped (*.gz); '-' reads standard input.")
    String input;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "fastjet-dat or hepmc3 (default: from the file extension, else from the first line).")
    EventFormat format;

    /** Opens the input; errors are {@link org.jetbridge.io.InputException}s naming it. */
    public EventSource open() {
        if ("-".equals(input)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
            return EventSource.open(in, "standard input", format);
        }
        return EventSource.open(Path.of(input), format);
    }

    /** The input as the user named it. */
    public String name() {
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
