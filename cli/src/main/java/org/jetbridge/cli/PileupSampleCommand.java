package org.jetbridge.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jetbridge.io.InputException;
import org.jetbridge.io.Shard;
import org.jetbridge.io.hdf5.ContaminatedJetDataset;
import org.jetbridge.io.hdf5.Hdf5FormatException;
import org.jetbridge.io.hdf5.RowBatch;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.pileup.ContaminatedJet;
import org.jetbridge.pileup.JetEstimate;
import org.jetbridge.pileup.data.JetOverlay;
import org.jetbridge.pileup.model.PileupModel;
import org.jetbridge.pileup.model.PosteriorFile;
import org.jetbridge.pileup.model.PosteriorSampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code jetbridge pileup sample}: K posterior samples of the hard-scatter constituents of every contaminated jet. */
@Command(name = "sample", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Draw K posterior samples of the hard-scatter constituents of every jet of a contaminated-jet "
                + "file (from 'jetbridge overlay') with a trained pile-up model, and write them as HDF5: "
                + "constituents float32 [J, K, N_max, 3] (pt GeV, eta, phi; massless), mask int8 [J, K, N_max], "
                + "multiplicity int32 [J, K], jet_index int64 [J] (row in the input); attributes schema "
                + "'jetbridge.posterior/1', samples, steps, scheme, seed, model, input. The file appears only when "
                + "the run succeeds.",
            ""})
final class PileupSampleCommand implements Callable<Integer> {
    /** Jets read per chunk. */
    static final int CHUNK = 256;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model directory (or a 'pileup train' output directory).")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "CONTAMINATED.h5", description = "Contaminated jets ('jetbridge overlay').")
    Path input;

    @Option(names = "--samples", required = true, paramLabel = "K", description = "Posterior samples per jet (>= 1).")
    int samples;

    @Option(names = "--steps", paramLabel = "N", description = "Sampler steps (default: the model's).")
    Integer steps;

    @Option(names = "--multiplicity-temperature", paramLabel = "T", defaultValue = "1", description = "Draw the "
            + "constituent count N from softmax(logits / T) (default ${DEFAULT-VALUE}: as trained).")
    double temperature;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N jets (default: all).")
    Long limit;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED", description = "Seed of the sampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "POSTERIOR.h5", description = "Output HDF5 file.")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "No progress or summary on standard error.")
    boolean quiet;

    @picocli.CommandLine.Mixin
    TaggerCommand.EngineOptions engine = new TaggerCommand.EngineOptions();

    @picocli.CommandLine.Mixin
    ShardOptions shardOptions = new ShardOptions();

    @Override
    public Integer call() throws IOException {
        Usage.atLeast(spec, "--samples", samples, 1);
        try {
            PosteriorSampler.checkTemperature(temperature);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--multiplicity-temperature: "
                    + e.getMessage());
        }
        if (steps != null) {
            Usage.atLeast(spec, "--steps", steps, 1);
        }
        if (limit != null && limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit: expected >= 1, got " + limit);
        }
        ContaminatedJetDataset.Reader in;
        try {
            in = ContaminatedJetDataset.open(input);
        } catch (IOException | Hdf5FormatException e) {
            throw new InputException(input.toString(), "cannot read as a contaminated-jet file (" + e.getMessage()
                    + ")", e);
        }
        NnRuntime rt = engine.start(spec);
        Progress progress = new Progress(spec.commandLine().getErr(), "jetbridge pileup sample", quiet);
        long written = 0;
        try (in; PileupModel m = load(rt, model)) {
            int n = steps != null ? steps : m.config().samplerSteps();
            PosteriorSampler sampler = m.posterior(samples, n, true, temperature);
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("samples", (long) samples);
            meta.put("steps", (long) n);
            meta.put("multiplicity_temperature", temperature);
            meta.put("scheme", m.config().scheme());
            meta.put("seed", seed);
            meta.put("model", model.toAbsolutePath().toString());
            meta.put("input", String.valueOf(input.getFileName()));
            meta.put("jetbridge_version", VersionProvider.version());
            long rows = limit == null ? in.jets() : Math.min(limit, in.jets());
            Shard shard = shardOptions.shard();
            long first = shard == null ? 0 : shard.first(rows);
            long end = shard == null ? rows : shard.end(rows);
            if (shard != null) {
                meta.putAll(shard.metadata(rows, "jets"));
            }
            try (PosteriorFile.Writer out = PosteriorFile.create(output, samples, m.config().maxHardScatter(), meta)) {
                for (RowBatch b : in.batches(CHUNK)) {
                    if (b.startRow() >= end) {
                        break;
                    }
                    if (b.startRow() + b.rows() <= first) {
                        continue;
                    }
                    List<ContaminatedJet> jets = JetOverlay.fromBatch(b, in.maxObserved(), in.maxTruth(), input.toString());
                    int from = (int) Math.max(0, first - b.startRow());
                    jets = jets.subList(from, (int) Math.min(jets.size(), end - b.startRow()));
                    long index = b.startRow() + from;
                    List<List<JetEstimate>> est = sampler.estimate(jets, index, seed);
                    for (int j = 0; j < jets.size(); j++) {
                        out.append(index + j, est.get(j));
                        written++;
                    }
                    progress.chunk(index + jets.size() - first);
                }
                out.commit();
            }
        } catch (UncheckedIOException e) {
            throw GenerateCommand.outputError(output, e);
        } catch (IOException e) {
            throw GenerateCommand.outputError(output, e);
        }
        double s = progress.elapsedSeconds();
        progress.summary(String.format(Locale.ROOT, "%d jets x %d samples in %.1f s (%.2f jets/s), written to %s",
                written, samples, s, written / Math.max(1e-9, s), output));
        return 0;
    }

    static PileupModel load(NnRuntime rt, Path dir) {
        try {
            return PileupModel.load(rt, dir);
        } catch (IllegalArgumentException e) {
            throw new InputException("--model " + dir, e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new InputException("--model " + dir, e.getMessage(), e);
        }
    }
}
