package org.jetbridge.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.io.InputException;
import org.jetbridge.io.hdf5.ContaminatedJetDataset;
import org.jetbridge.io.hdf5.Hdf5FormatException;
import org.jetbridge.io.hdf5.RowBatch;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.pileup.ContaminatedJet;
import org.jetbridge.pileup.JetEstimate;
import org.jetbridge.pileup.model.PileupModel;
import org.jetbridge.pileup.model.PosteriorFile;
import org.jetbridge.pileup.model.PosteriorSampler;
import org.jetbridge.sim.Constituents;
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

    @Override
    public Integer call() throws IOException {
        Usage.atLeast(spec, "--samples", samples, 1);
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
            PosteriorSampler sampler = m.posterior(samples, n);
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("samples", (long) samples);
            meta.put("steps", (long) n);
            meta.put("scheme", m.config().scheme());
            meta.put("seed", seed);
            meta.put("model", model.toAbsolutePath().toString());
            meta.put("input", String.valueOf(input.getFileName()));
            meta.put("jetbridge_version", VersionProvider.version());
            long end = limit == null ? in.jets() : Math.min(limit, in.jets());
            try (PosteriorFile.Writer out = PosteriorFile.create(output, samples, m.config().maxHardScatter(), meta)) {
                for (RowBatch b : in.batches(CHUNK)) {
                    if (b.startRow() >= end) {
                        break;
                    }
                    List<ContaminatedJet> jets = read(b, in.maxObserved(), in.maxTruth());
                    jets = jets.subList(0, (int) Math.min(jets.size(), end - b.startRow()));
                    List<List<JetEstimate>> est = sampler.estimate(jets, seed ^ b.startRow());
                    for (int j = 0; j < jets.size(); j++) {
                        out.append(b.startRow() + j, est.get(j));
                        written++;
                    }
                    progress.chunk(b.startRow() + jets.size());
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

    /** The jets of one batch of a contaminated-jet file (origins kept; energies massless). */
    static List<ContaminatedJet> read(RowBatch b, int maxObserved, int maxTruth) {
        int f = ContaminatedJetDataset.CONSTITUENT_FEATURES.size();
        float[] cs = b.floats(ContaminatedJetDataset.CONSTITUENTS);
        byte[] mask = b.bytes(ContaminatedJetDataset.MASK);
        int[] origin = b.ints(ContaminatedJetDataset.ORIGIN);
        float[] js = b.floats(ContaminatedJetDataset.JETS);
        float[] ts = b.floats(ContaminatedJetDataset.TRUTH_CONSTITUENTS);
        byte[] tmask = b.bytes(ContaminatedJetDataset.TRUTH_MASK);
        int[] npu = b.ints(ContaminatedJetDataset.N_PU);
        List<ContaminatedJet> out = new ArrayList<>(b.rows());
        for (int j = 0; j < b.rows(); j++) {
            Constituents obs = rows(cs, mask, origin, j, maxObserved, f);
            Constituents truth = rows(ts, tmask, null, j, maxTruth, f);
            FourMomentum axis = FourMomentum.fromPtEtaPhiM(js[j * 4], js[j * 4 + 1], js[j * 4 + 2],
                    Math.max(0, js[j * 4 + 3]));
            out.add(new ContaminatedJet(obs, axis, truth, npu[j]));
        }
        return out;
    }

    private static Constituents rows(float[] cs, byte[] mask, int[] origin, int j, int max, int f) {
        int n = 0;
        while (n < max && mask[j * max + n] != 0) {
            n++;
        }
        double[] pt = new double[n], eta = new double[n], phi = new double[n], e = new double[n];
        int[] q = new int[n], o = new int[n];
        for (int i = 0; i < n; i++) {
            int base = (j * max + i) * f;
            pt[i] = cs[base];
            eta[i] = cs[base + 1];
            phi[i] = cs[base + 2];
            e[i] = pt[i] * Math.cosh(eta[i]);
            q[i] = Math.round(cs[base + 5]);
            o[i] = origin == null ? 0 : origin[j * max + i];
        }
        return new Constituents(pt, eta, phi, e, q, o);
    }
}
