package org.jetbridge.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.io.OutputException;
import org.jetbridge.io.hdf5.ContaminatedJetDataset;
import org.jetbridge.io.hdf5.RowBatch;
import org.jetbridge.io.hdf5.TopJetDataset;
import org.jetbridge.pileup.ContaminatedJet;
import org.jetbridge.pileup.data.HardScatterJet;
import org.jetbridge.pileup.data.JetOverlay;
import org.jetbridge.pileup.data.PoolFiles;
import org.jetbridge.pileup.data.TopJetRows;
import org.jetbridge.sim.PileupParameters;
import org.jetbridge.sim.TopJets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code jetbridge overlay}: top jets with pile-up from a minimum-bias pool, materialised for evaluation. */
@Command(name = "overlay",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Overlay pile-up from a minimum-bias pool onto hard-scatter top jets and write the contaminated "
                + "jets with their truth (HDF5).",
            "",
            "For every jet of --jets (from 'generate ttbar'), N_PU interactions are drawn from --pool (from "
                    + "'generate minbias'), each rotated by a random azimuth and randomly mirrored in eta; their "
                    + "particles with pT > 1 GeV and |eta| < 2.5 inside the R = 1.0 cone around the jet axis join "
                    + "the jet. Output datasets: constituents/mask/origin (observed; origin 0 hard scatter, k the "
                    + "k-th pile-up interaction, -1 padding), jets (the hard-scatter axis), truth_constituents/"
                    + "truth_mask, n_pu. Constituent energies are massless (the datasets store pt, eta, phi).",
            ""})
final class OverlayCommand implements Callable<Integer> {
    /** Jets read and overlaid per parallel chunk. */
    static final int CHUNK = 1024;

    @Spec
    CommandSpec spec;

    @Option(names = "--jets", required = true, paramLabel = "TOPS.h5", description = "Top-jet file (generate ttbar).")
    Path jets;

    @Option(names = "--pool", required = true, paramLabel = "MINBIAS.h5",
            description = "Minimum-bias pool (generate minbias); loaded into memory whole.")
    Path pool;

    @Option(names = "--mu", required = true, paramLabel = "MU", description = "Mean number of pile-up interactions.")
    double mu;

    @Option(names = "--pileup", paramLabel = "MODE",
            description = "poisson (N_PU ~ Poisson(MU)), fixed (N_PU = MU) or gaussian (mu ~ |N(MU, SIGMA)| per "
                    + "jet, then Poisson) (default: poisson).")
    String mode = "poisson";

    @Option(names = "--mu-sigma", paramLabel = "SIGMA", description = "Spread of MU for --pileup gaussian (default: 0).")
    double muSigma;

    @Option(names = "--seed", paramLabel = "SEED", description = "Random seed of the overlay; jet i always gets the same pile-up for a given seed "
                    + "and pool, whatever the number of threads (default: 1).")
    long seed = GeneratorOptions.DEFAULT_SEED;

    @Option(names = "--max-constituents", paramLabel = "N",
            description = "Observed constituents kept per jet, leading by pT (default: 400).")
    int maxObserved = JetOverlay.MAX_OBSERVED;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.h5",
            description = "Output HDF5 file, created only when the run succeeds.")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "No progress or summary on standard error.")
    boolean quiet;

    @Override
    public Integer call() {
        PileupParameters pu = pileup();
        Usage.atLeast(spec, "--max-constituents", maxObserved, 1);
        Usage.atLeast(spec, "--threads", threads, 1);
        Map<String, Object> poolMeta = new java.util.HashMap<>();
        org.jetbridge.sim.MinBiasPool interactions = PoolFiles.load(pool, poolMeta);
        long needed = PoolFiles.needed(pu);
        if (needed > interactions.interactions()) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "--mu %s (%s) needs up to %d pile-up interactions per jet, but %s holds only %d; generate a "
                            + "larger pool (jetbridge generate minbias --events N)", JetSelectionOptions.fmt(mu),
                    mode, needed, pool, interactions.interactions()));
        }
        Progress progress = new Progress(spec.commandLine().getErr(), "jetbridge overlay", quiet);
        long written;
        long pileupParticles = 0;
        long pileupInteractions = 0;
        try (TopJetDataset.Reader in = HardScatterJet.open(jets)) {
            Map<String, Object> meta = new java.util.LinkedHashMap<>();
            // the hard-scatter generation as it is in the top-jet file, then what the pool and the overlay add
            in.metadata().forEach((k, v) -> {
                if (!k.equals("schema") && !k.startsWith("max_")) {
                    meta.put(k, v);
                }
            });
            for (String k : List.of("seed", "preset", "events", "jetbridge_version")) {
                if (poolMeta.containsKey(k)) {
                    meta.put("pool." + k, poolMeta.get(k));
                }
            }
            meta.put("pileup_mode", pu.mode().name());
            meta.put("pileup_mu", mu);
            meta.put("pileup_mu_sigma", muSigma);
            meta.put("overlay_seed", seed);
            meta.put("overlay_radius", TopJets.RADIUS);
            meta.put("overlay_pt_min", TopJets.PARTICLE_PT_MIN);
            meta.put("overlay_eta_max", TopJets.ETA_MAX);
            meta.put("pool_file", String.valueOf(pool.getFileName()));
            meta.put("pool_interactions", (long) interactions.interactions());
            meta.put("jetbridge_version", VersionProvider.version());
            int nTruth = in.maxConstituents();
            int f = TopJetDataset.CONSTITUENT_FEATURES.size();
            float[][] rows = new float[maxObserved][f];
            float[][] truthRows = new float[nTruth][f];
            float[] axisRow = new float[TopJetDataset.JET_FEATURES.size()];
            try (ContaminatedJetDataset.Writer out = ContaminatedJetDataset.create(output, maxObserved, nTruth, meta)) {
                for (RowBatch b : in.batches(CHUNK)) {
                    List<HardScatterJet> hs = HardScatterJet.fromBatch(b, nTruth);
                    float[] js = b.floats(TopJetDataset.JETS);
                    long start = b.startRow();
                    List<ContaminatedJet> overlaid = JetOverlay.overlay(hs, interactions, pu, seed, start, threads,
                            maxObserved);
                    for (int j = 0; j < overlaid.size(); j++) {
                        ContaminatedJet o = overlaid.get(j);
                        FourMomentum axis = o.axis();
                        int[] origin = o.observed().origin();
                        for (int k : origin) {
                            pileupParticles += k > 0 ? 1 : 0;
                        }
                        pileupInteractions += o.pileupInteractions();
                        System.arraycopy(js, j * 4, axisRow, 0, 4);
                        out.append(TopJetRows.constituents(o.observed(), axis, maxObserved, rows), origin, axisRow,
                                TopJetRows.constituents(o.truth(), axis, nTruth, truthRows), o.pileupInteractions());
                    }
                    progress.chunk(start + b.rows());
                }
                out.commit();
                written = out.jets();
            }
        } catch (IOException | UncheckedIOException e) {
            throw GenerateCommand.outputError(output, e);
        }
        double s = progress.elapsedSeconds();
        progress.summary(String.format(Locale.ROOT, "%d jets at mu = %s (%s): <n_pu> = %.2f, <pile-up particles "
                        + "per jet> = %.2f, in %.2f s, written to %s", written, JetSelectionOptions.fmt(mu), mode,
                written == 0 ? 0.0 : (double) pileupInteractions / written,
                written == 0 ? 0.0 : (double) pileupParticles / written, s, output));
        return 0;
    }

    /** The pile-up mode named by --pileup (poisson, fixed or gaussian), or a usage error. */
    static PileupParameters.Mode mode(CommandSpec spec, String mode) {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "poisson" -> PileupParameters.Mode.POISSON;
            case "fixed" -> PileupParameters.Mode.FIXED;
            case "gaussian" -> PileupParameters.Mode.GAUSSIAN_MU;
            default -> throw new ParameterException(spec.commandLine(), "--pileup: expected poisson, fixed or "
                    + "gaussian, got '" + mode + "'");
        };
    }

    private PileupParameters pileup() {
        PileupParameters.Mode m = mode(spec, mode);
        if (!Double.isFinite(mu) || mu < 0) {
            throw new ParameterException(spec.commandLine(), "--mu must be finite and >= 0, got " + mu);
        }
        if (!Double.isFinite(muSigma) || muSigma < 0) {
            throw new ParameterException(spec.commandLine(), "--mu-sigma must be finite and >= 0, got " + muSigma);
        }
        return new PileupParameters(m, mu, muSigma);
    }
}
