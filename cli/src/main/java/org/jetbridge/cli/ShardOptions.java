package org.jetbridge.cli;

import org.jetbridge.io.Shard;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --shard I/N} option (a picocli mixin): run only part I of N of a command's work, so that N batch jobs
 * together do what one run does; {@code jetbridge merge} joins their outputs. Absent: the whole run.
 */
final class ShardOptions {
    @Option(names = "--shard", paramLabel = "I/N", converter = Converter.class,
            description = "Do only shard I of N (0 <= I < N) of the work: generate: events [I*n/N, (I+1)*n/N) of "
                    + "the n-event run, with the same per-event random streams (same --seed) as the whole run; "
                    + "commands over an input file: its rows [I*R/N, (I+1)*R/N). The output records shard_index, "
                    + "shard_count, first_row, end_row and total_rows; 'jetbridge merge' joins the N outputs into "
                    + "the file the unsharded run writes.")
    Shard shard;

    /** The requested shard, or null for the whole run. */
    Shard shard() {
        return shard;
    }

    /** Parses I/N into a checked {@link Shard}; picocli reports a bad value as a usage error naming the option. */
    static final class Converter implements ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            try {
                return Shard.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
