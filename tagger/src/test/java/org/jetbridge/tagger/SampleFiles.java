package org.jetbridge.tagger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jetbridge.io.hdf5.TaggingDataset;
import org.jetbridge.sim.FlavourJet;
import org.jetbridge.sim.FlavourJets;
import org.jetbridge.sim.GeneratorSettings;

/**
 * Writes tagging files straight from the testbed generator (until {@code jetbridge generate flavour} is available,
 * and for tests, which must not depend on the command line). Usage as a program:
 * {@code SampleFiles OUT.h5 PRESET SEED FIRST_EVENT EVENTS [THREADS]}.
 */
public final class SampleFiles {

    private SampleFiles() {}

    /** Jets of events [first, first + events) of run {@code seed} with {@code preset}, written to {@code out}. */
    public static long write(Path out, String preset, long seed, long first, int events, int threads)
            throws IOException {
        FlavourJets gen = new FlavourJets(GeneratorSettings.preset(preset), 0.4);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("preset", preset);
        meta.put("seed", seed);
        meta.put("first_event", first);
        int nMax = TaggingDataset.DEFAULT_MAX_CONSTITUENTS;
        try (TaggingDataset.Writer w = TaggingDataset.create(out, nMax, meta)) {
            int chunk = 2000;
            for (long e = first; e < first + events; e += chunk) {
                int n = (int) Math.min(chunk, first + events - e);
                for (FlavourJet j : gen.generate(seed, e, n, threads)) {
                    w.append(constituents(j, nMax), new float[] {(float) j.pt(), (float) j.eta(), (float) j.phi(),
                        (float) j.mass(), j.size()}, j.flavour(), j.partonId());
                }
            }
            w.commit();
            return w.jets();
        }
    }

    /** The 11 dataset features of the leading {@code nMax} constituents; d0 is already lifetime-signed. */
    static float[][] constituents(FlavourJet j, int nMax) {
        int n = Math.min(nMax, j.size());
        float[][] c = new float[n][];
        for (int k = 0; k < n; k++) {
            c[k] = new float[] {(float) j.cPt()[k], (float) j.cEta()[k], (float) j.cPhi()[k], (float) j.cDeta()[k],
                (float) j.cDphi()[k], (float) j.cD0()[k], (float) j.cD0err()[k], (float) j.cDz()[k],
                (float) j.cDzerr()[k], j.cCharge()[k], j.cClass()[k]};
        }
        return c;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            System.err.println("usage: SampleFiles OUT.h5 PRESET SEED FIRST_EVENT EVENTS [THREADS]");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        long jets = write(Path.of(args[0]), args[1], Long.parseLong(args[2]), Long.parseLong(args[3]),
                Integer.parseInt(args[4]), args.length > 5 ? Integer.parseInt(args[5]) : 2);
        System.out.printf("%s: %d jets in %.1f s%n", args[0], jets, (System.nanoTime() - t0) / 1e9);
    }

    static List<String> presets() {
        return GeneratorSettings.PRESETS;
    }
}
