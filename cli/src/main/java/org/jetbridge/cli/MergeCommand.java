package org.jetbridge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jetbridge.io.InputException;
import org.jetbridge.io.hdf5.ShardMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jetbridge merge}: joins the HDF5 outputs of the N {@code --shard I/N} runs of one command into one file. */
@Command(name = "merge",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Merge the HDF5 outputs of the runs of one command with --shard 0/N … N-1/N into the file the "
                + "unsharded run writes: every dataset is concatenated in shard order (a minimum-bias pool's offsets "
                + "are rebased), streamed in bounded memory, written to a temporary file and renamed into place.",
            "Refused, naming the file: an input without shard metadata, a missing or duplicated shard, shards of "
                    + "different partitions, different datasets, types, widths or attributes (e.g. another --seed).",
            "The output has the inputs' common attributes (shard keys removed) plus merged_shards = N."})
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.h5", description = "Merged HDF5 file.")
    Path output;

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "Shard files (any order), or a directory: all its *.h5 files.")
    List<Path> inputs;

    @Option(names = {"-q", "--quiet"}, description = "No summary on standard error.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    List<Path> h5 = s.filter(f -> f.getFileName().toString().endsWith(".h5") && Files.isRegularFile(f))
                            .sorted().toList();
                    if (h5.isEmpty()) {
                        throw new InputException(p.toString(), "directory has no *.h5 files to merge");
                    }
                    files.addAll(h5);
                }
            } else {
                if (!Files.isRegularFile(p)) {
                    throw new InputException(p.toString(), "no such file");
                }
                files.add(p);
            }
        }
        long t0 = System.nanoTime();
        ShardMerge.Result r = ShardMerge.merge(files, output);
        if (!quiet) {
            spec.commandLine().getErr().printf(Locale.ROOT, "jetbridge merge: %d shards of %d %ss, %s in %.1f s, "
                    + "written to %s%n", r.shards(), r.total(), r.unit(), r.rows(), (System.nanoTime() - t0) * 1e-9,
                    output);
        }
        return 0;
    }
}
