package org.jetbridge.cli;

import org.jetbridge.pileup.data.TopJetRows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jetbridge.io.OutputException;
import org.jetbridge.io.Shard;
import org.jetbridge.io.hdf5.MinBiasPool;
import org.jetbridge.io.hdf5.TaggingDataset;
import org.jetbridge.io.hdf5.TopJetDataset;
import org.jetbridge.sim.Detector;
import org.jetbridge.sim.EventLoop;
import org.jetbridge.sim.FlavourJet;
import org.jetbridge.sim.FlavourJets;
import org.jetbridge.sim.GeneratorSettings;
import org.jetbridge.sim.TopJet;
import org.jetbridge.sim.TopJets;
import org.jetbridge.sim.TruthEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code jetbridge generate}: testbed datasets (tagging jets, top jets, minimum-bias pool) as HDF5 files. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Generate a testbed dataset and write it as an HDF5 file (opens with h5py).",
            "",
            "flavour: flavour-tagging jets (b b-bar, c c-bar, light q q-bar and g g events through the detector, "
                    + "anti-kt R = 0.4, pT > 30 GeV, |eta| < 2.5), up to 64 constituents with pt, eta, phi, deta, "
                    + "dphi, d0, d0err, dz, dzerr (mm; d0 lifetime-signed: positive when the track's closest "
                    + "approach lies on the jet side of the beam line), charge, pid_class; labels flavour "
                    + "(0 light, 1 c, 2 b) and parton_id.",
            "ttbar: the leading hard-scatter top jet of boosted t t-bar events at particle level (anti-kt R = 1.0, "
                    + "pT > 250 GeV, constituents pT > 1 GeV, |eta| < 2.5, up to 200), for pile-up studies.",
            "minbias: a pool of minimum-bias interactions (particles with pt, eta, phi, charge, vertex_z) from "
                    + "which 'jetbridge overlay' draws pile-up.",
            "",
            "Every file carries the resolved generator parameters, preset, seed, process, event count and "
                    + "jetbridge version as attributes. Events are generated in chunks on --threads threads and "
                    + "streamed to disk; the output is identical for any thread count and appears only when the "
                    + "run succeeds.",
            "With --shard I/N only events [I*n/N, (I+1)*n/N) of the n = --events run are generated; event k draws "
                    + "from the stream of (--seed, k) in every case, so all N shards merged with 'jetbridge merge' "
                    + "equal the unsharded file row for row (keep --seed and every other option the same).",
            ""})
final class GenerateCommand implements Callable<Integer> {
    /** Events generated per parallel chunk: big enough to keep the threads busy, small enough for bounded memory. */
    static final int CHUNK = 2048;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROCESS", description = "flavour, ttbar or minbias.")
    String process;

    @Option(names = {"-n", "--events"}, required = true, paramLabel = "N",
            description = "Number of events (minbias: interactions) to generate.")
    long events;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.h5",
            description = "Output HDF5 file, created only when the run succeeds.")
    Path output;

    @Mixin
    GeneratorOptions generator;

    @Mixin
    ShardOptions shardOptions;

    @Option(names = {"-R", "--radius"}, paramLabel = "R",
            description = "flavour: anti-kt jet radius, in (0, 2] (default: 0.4; 0.8 for large-R tagging).")
    Double radius;

    @Option(names = "--pt-min", paramLabel = "GEV",
            description = "flavour: lower end of the parton pT range (default: 30 GeV; = process.flavourPtMin).")
    Double ptMin;

    @Option(names = "--pt-max", paramLabel = "GEV",
            description = "flavour: upper end of the parton pT range (default: 1000 GeV; = process.flavourPtMax).")
    Double ptMax;

    @Option(names = "--fractions", split = ",", paramLabel = "KIND=F",
            description = "flavour: relative event fractions by kind b, c, light, gluon, ttbar, e.g. "
                    + "--fractions b=1,c=1,light=2,gluon=2 (kinds not named keep their values; default "
                    + "b=0.3,c=0.3,light=0.2,gluon=0.2,ttbar=0).")
    Map<String, String> fractions;

    @Option(names = "--mu", paramLabel = "MU",
            description = "flavour: overlay pile-up with N_PU ~ Poisson(MU) in every event, before the detector "
                    + "(default: none; mode and spread via --set pileup.mode=..., pileup.muSigma=...).")
    Double mu;

    @Option(names = "--particle-level",
            description = "flavour: skip the detector (true momenta and impact parameters, zero errors). ttbar and "
                    + "minbias are always particle level.")
    boolean particleLevel;

    @Option(names = "--max-constituents", paramLabel = "N",
            description = "Constituents kept per jet, leading by pT (default: 64 for flavour, 200 for ttbar).")
    Integer maxConstituents;

    @Option(names = {"-q", "--quiet"}, description = "No progress or summary on standard error.")
    boolean quiet;

    @Override
    public Integer call() {
        String p = process.toLowerCase(Locale.ROOT);
        if (!List.of("flavour", "flavor", "ttbar", "minbias").contains(p)) {
            throw new ParameterException(spec.commandLine(), "unknown process '" + process
                    + "', expected flavour, ttbar or minbias");
        }
        p = p.equals("flavor") ? "flavour" : p;
        Usage.atLeast(spec, "--events", events, 0);
        if (!p.equals("flavour")) {
            String stray = radius != null ? "--radius" : ptMin != null ? "--pt-min" : ptMax != null ? "--pt-max"
                    : fractions != null ? "--fractions" : mu != null ? "--mu" : null;
            if (stray != null) {
                throw new ParameterException(spec.commandLine(), stray + " applies only to 'generate flavour'"
                        + (p.equals("ttbar") && stray.equals("--mu") ? " (overlay pile-up on top jets with "
                        + "'jetbridge overlay')" : ""));
            }
            if (p.equals("minbias") && maxConstituents != null) {
                throw new ParameterException(spec.commandLine(), "--max-constituents does not apply to minbias");
            }
        }
        int nMax = maxConstituents == null
                ? (p.equals("ttbar") ? TopJetDataset.DEFAULT_MAX_CONSTITUENTS : TaggingDataset.DEFAULT_MAX_CONSTITUENTS)
                : maxConstituents;
        Usage.atLeast(spec, "--max-constituents", nMax, 1);
        double r = radius == null ? 0.4 : radius;
        if (!(r > 0 && r <= 2)) {
            throw new ParameterException(spec.commandLine(), "--radius must be in (0, 2], got " + r);
        }
        GeneratorSettings settings = generator.settings(spec, assignments());
        int threads = generator.threads(spec);
        long seed = generator.seed();
        Map<String, Object> meta = GeneratorOptions.metadata(settings, seed, p, events);
        Shard shard = shardOptions.shard();
        // the whole run's event range, or this shard's part of it: event k always uses the stream (seed, k)
        long from = shard == null ? 0 : shard.first(events);
        long to = shard == null ? events : shard.end(events);
        if (shard != null) {
            meta.putAll(shard.metadata(events, "event"));
        }
        Progress progress = new Progress(spec.commandLine().getErr(), "jetbridge generate " + p, quiet);
        long items;
        try {
            items = switch (p) {
                case "flavour" -> {
                    meta.put("jet_algorithm", "antikt");
                    meta.put("jet_radius", r);
                    meta.put("jet_pt_min", FlavourJets.JET_PT_MIN);
                    meta.put("jet_eta_max", FlavourJets.JET_ETA_MAX);
                    meta.put("pileup", mu != null);
                    meta.put("impact_parameter_unit", "mm");
                    meta.put("d0_sign", "lifetime sign: positive when the closest approach lies on the jet side "
                            + "of the beam line");
                    yield flavour(settings, r, nMax, seed, threads, meta, progress, from, to);
                }
                case "ttbar" -> {
                    meta.put("jet_algorithm", "antikt");
                    meta.put("jet_radius", TopJets.RADIUS);
                    meta.put("jet_pt_min", TopJets.JET_PT_MIN);
                    meta.put("constituent_pt_min", TopJets.PARTICLE_PT_MIN);
                    meta.put("eta_max", TopJets.ETA_MAX);
                    yield ttbar(settings, Math.min(nMax, TopJets.MAX_CONSTITUENTS), seed, threads, meta, progress, from,
                            to);
                }
                default -> minBias(settings, seed, threads, meta, progress, from, to);
            };
        } catch (IOException | UncheckedIOException e) {
            throw GenerateCommand.outputError(output, e);
        }
        double s = progress.elapsedSeconds();
        String what = p.equals("minbias") ? "interactions" : "jets";
        progress.summary(String.format(Locale.ROOT, "%s, %d %s in %.2f s (%.0f %s/s), written to %s (%s)",
                shard == null ? events + " events" : "shard " + shard + ": events [" + from + ", " + to + ") of "
                        + events, items, what, s, items / Math.max(s, 1e-9), what, output, size(output)));
        return 0;
    }

    /** Key=value pairs for the command's own generator options, after --set. */
    private GeneratorOptions.Assignments assignments() {
        GeneratorOptions.Assignments a = new GeneratorOptions.Assignments();
        if (ptMin != null) {
            a.add("--pt-min", "process.flavourPtMin", ptMin);
        }
        if (ptMax != null) {
            a.add("--pt-max", "process.flavourPtMax", ptMax);
        }
        if (fractions != null) {
            for (Map.Entry<String, String> e : fractions.entrySet()) {
                String key = switch (e.getKey().strip().toLowerCase(Locale.ROOT)) {
                    case "b" -> "process.fractionBB";
                    case "c" -> "process.fractionCC";
                    case "light", "q" -> "process.fractionLightQQ";
                    case "gluon", "g" -> "process.fractionGG";
                    case "ttbar" -> "process.fractionTTbar";
                    default -> throw new ParameterException(spec.commandLine(), "--fractions: unknown kind '"
                            + e.getKey() + "', expected b, c, light, gluon or ttbar");
                };
                a.add("--fractions " + e.getKey(), key, e.getValue().strip());
            }
        }
        if (mu != null) {
            a.add("--mu", "pileup.mu", mu);
        }
        if (particleLevel) {
            a.add("--particle-level", "detector.particleLevel", true);
        }
        return a;
    }

    private long flavour(GeneratorSettings settings, double r, int nMax, long seed, int threads,
                         Map<String, Object> meta, Progress progress, long from, long to) throws IOException {
        FlavourJets fj = new FlavourJets(settings, r);
        Detector detector = new Detector(settings.detector());
        boolean pileup = mu != null;
        EventLoop.EventFunction<List<FlavourJet>> event = (i, rng) -> {
            TruthEvent t = fj.generator().flavourEvent(rng, pileup);
            return fj.jets(i, t, detector.reconstruct(t, rng));
        };
        int f = TaggingDataset.CONSTITUENT_FEATURES.size();
        float[][] rows = new float[nMax][f];
        float[] jet = new float[TaggingDataset.JET_FEATURES.size()];
        try (TaggingDataset.Writer w = TaggingDataset.create(output, nMax, meta)) {
            for (long first = from; first < to; first += CHUNK) {
                int n = (int) Math.min(CHUNK, to - first);
                for (List<FlavourJet> jets : EventLoop.run(seed, first, n, threads, event)) {
                    for (FlavourJet j : jets) {
                        int k = Math.min(nMax, j.size());
                        float[][] cs = new float[k][];
                        for (int c = 0; c < k; c++) {
                            float[] row = rows[c];
                            row[0] = (float) j.cPt()[c];
                            row[1] = (float) j.cEta()[c];
                            row[2] = (float) j.cPhi()[c];
                            row[3] = (float) j.cDeta()[c];
                            row[4] = (float) j.cDphi()[c];
                            row[5] = (float) j.cD0()[c] + 0f; // + 0 turns the −0 of neutrals (d0 = 0, sign flipped) into 0
                            row[6] = (float) j.cD0err()[c];
                            row[7] = (float) j.cDz()[c];
                            row[8] = (float) j.cDzerr()[c];
                            row[9] = j.cCharge()[c];
                            row[10] = j.cClass()[c];
                            cs[c] = row;
                        }
                        jet[0] = (float) j.pt();
                        jet[1] = (float) j.eta();
                        jet[2] = (float) j.phi();
                        jet[3] = (float) j.mass();
                        jet[4] = j.size();
                        w.append(cs, jet, j.flavour(), j.partonId());
                    }
                }
                progress.chunk(first + n - from);
            }
            w.commit();
            return w.jets();
        }
    }

    private long ttbar(GeneratorSettings settings, int nMax, long seed, int threads, Map<String, Object> meta,
                       Progress progress, long from, long to) throws IOException {
        TopJets tops = new TopJets(settings);
        float[][] rows = new float[nMax][TopJetDataset.CONSTITUENT_FEATURES.size()];
        float[] axis = new float[TopJetDataset.JET_FEATURES.size()];
        try (TopJetDataset.Writer w = TopJetDataset.create(output, nMax, meta)) {
            for (long first = from; first < to; first += CHUNK) {
                int n = (int) Math.min(CHUNK, to - first);
                for (TopJet j : EventLoop.run(seed, first, n, threads, tops::event)) {
                    if (j == null) {
                        continue; // no jet above 250 GeV in this event: the dataset holds jets, not events
                    }
                    w.append(TopJetRows.constituents(j.constituents(), j.axis(), nMax, rows),
                            TopJetRows.axis(j.axis(), axis));
                }
                progress.chunk(first + n - from);
            }
            w.commit();
            return w.jets();
        }
    }

    private long minBias(GeneratorSettings settings, long seed, int threads, Map<String, Object> meta,
                         Progress progress, long from, long to) throws IOException {
        float[] rows = new float[0];
        try (MinBiasPool.Writer w = MinBiasPool.create(output, meta)) {
            for (long first = from; first < to; first += CHUNK) {
                int n = (int) Math.min(CHUNK, to - first);
                org.jetbridge.sim.MinBiasPool pool = org.jetbridge.sim.MinBiasPool.generate(settings, seed, first, n,
                        threads);
                for (int k = 0; k < n; k++) {
                    int start = pool.offsets()[k];
                    int m = pool.offsets()[k + 1] - start;
                    if (rows.length < m * MinBiasPool.FEATURES) {
                        rows = new float[2 * m * MinBiasPool.FEATURES];
                    }
                    for (int i = 0; i < m; i++) {
                        int o = i * MinBiasPool.FEATURES;
                        rows[o] = (float) pool.pt()[start + i];
                        rows[o + 1] = (float) pool.eta()[start + i];
                        rows[o + 2] = (float) pool.phi()[start + i];
                        rows[o + 3] = pool.charge()[start + i];
                        rows[o + 4] = (float) pool.vertexZ()[k];
                    }
                    w.append(rows, m);
                }
                progress.chunk(first + n - from);
            }
            w.commit();
            return w.interactions();
        }
    }

    /** A write failure as a one-line user error naming the output once. */
    static OutputException outputError(Path output, Exception e) {
        String m = String.valueOf(e.getMessage());
        String prefix = output + ": ";
        String abs = output.toAbsolutePath() + ": ";
        m = m.startsWith(prefix) ? m.substring(prefix.length()) : m.startsWith(abs) ? m.substring(abs.length()) : m;
        return new OutputException(output.toString(), "cannot write: " + m, e);
    }

    private static String size(Path file) {
        try {
            long b = Files.size(file);
            return b >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", b / 1048576.0)
                    : String.format(Locale.ROOT, "%.1f kB", b / 1024.0);
        } catch (IOException e) {
            return "size unknown";
        }
    }
}
