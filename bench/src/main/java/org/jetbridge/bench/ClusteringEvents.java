package org.jetbridge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jetbridge.core.FourMomentum;

/**
 * Benchmark events (momenta in GeV): real Pythia hard events from Debian's fastjet-examples with Pythia minimum-bias
 * sub-events overlaid as pile-up (each randomly rotated in φ and reflected in y) up to a target multiplicity.
 */
final class ClusteringEvents {
    /** Where Debian's fastjet-examples package installs its event files. */
    static final Path EXAMPLES = Path.of("/usr/share/doc/fastjet-examples/examples");
    private static final String HARD_FILE = "Pythia-PtMin1000-LHC-10ev.dat";
    private static final String[] PILEUP_FILES = {"Pythia-Z2jets-lhc-pileup-1ev.dat", "Pythia-Zp2jets-lhc-pileup-1ev.dat"};

    private final List<List<FourMomentum>> hard;
    private final List<List<FourMomentum>> pileup;

    private ClusteringEvents(List<List<FourMomentum>> hard, List<List<FourMomentum>> pileup) {
        this.hard = hard;
        this.pileup = pileup;
    }

    /** Loads the hard events and the minimum-bias sub-events (every sub-event of the pile-up files but the first). */
    static ClusteringEvents load() {
        List<List<FourMomentum>> hard = new ArrayList<>();
        for (List<List<FourMomentum>> ev : read(EXAMPLES.resolve(HARD_FILE))) {
            hard.add(flatten(ev));
        }
        List<List<FourMomentum>> pileup = new ArrayList<>();
        for (String f : PILEUP_FILES) {
            for (List<List<FourMomentum>> ev : read(EXAMPLES.resolve(f))) {
                pileup.addAll(ev.subList(1, ev.size()));
            }
        }
        if (hard.isEmpty() || pileup.isEmpty()) {
            throw new IllegalStateException("no events found in " + EXAMPLES + " (install fastjet-examples)");
        }
        return new ClusteringEvents(hard, pileup);
    }

    int hardEventCount() {
        return hard.size();
    }

    /**
     * Hard event i (none when i &lt; 0) followed by randomly transformed pile-up sub-events, cut to exactly n
     * particles.
     */
    List<FourMomentum> overlay(int i, int n, Random rnd) {
        List<FourMomentum> out = new ArrayList<>(n);
        for (FourMomentum p : i < 0 ? List.<FourMomentum>of() : hard.get(i % hard.size())) {
            if (out.size() == n) {
                return out;
            }
            out.add(p);
        }
        while (out.size() < n) {
            List<FourMomentum> sub = pileup.get(rnd.nextInt(pileup.size()));
            double angle = rnd.nextDouble() * 2 * Math.PI;
            boolean flip = rnd.nextBoolean();
            for (FourMomentum p : sub) {
                if (out.size() == n) {
                    break;
                }
                FourMomentum q = p.rotateZ(angle);
                out.add(flip ? new FourMomentum(q.px(), q.py(), -q.pz(), q.e()) : q);
            }
        }
        return out;
    }

    /** Events of a FastJet text file; each event is its list of sub-events (split at #SUBSTART). */
    static List<List<List<FourMomentum>>> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (install fastjet-examples)", e);
        }
        List<List<List<FourMomentum>>> events = new ArrayList<>();
        List<List<FourMomentum>> cur = new ArrayList<>();
        List<FourMomentum> sub = new ArrayList<>();
        for (int ln = 0; ln < lines.size(); ln++) {
            String t = lines.get(ln).trim();
            if (t.startsWith("#SUBSTART")) {
                if (!sub.isEmpty()) {
                    cur.add(sub);
                    sub = new ArrayList<>();
                }
            } else if (t.isEmpty() || t.startsWith("#END")) {
                if (!sub.isEmpty()) {
                    cur.add(sub);
                    sub = new ArrayList<>();
                }
                if (!cur.isEmpty()) {
                    events.add(cur);
                    cur = new ArrayList<>();
                }
            } else if (!t.startsWith("#")) {
                String[] f = t.split("\\s+");
                if (f.length < 4) {
                    throw new IllegalArgumentException(file + " line " + (ln + 1) + ": expected 4 numbers, got " + f.length);
                }
                sub.add(new FourMomentum(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3])));
            }
        }
        if (!sub.isEmpty()) {
            cur.add(sub);
        }
        if (!cur.isEmpty()) {
            events.add(cur);
        }
        return events;
    }

    /** Writes events in FastJet text format (shortest exact decimal form, so C++ reads the same doubles). */
    static void write(Path file, List<List<FourMomentum>> events) {
        StringBuilder sb = new StringBuilder();
        for (List<FourMomentum> ev : events) {
            for (FourMomentum p : ev) {
                sb.append(p.px()).append(' ').append(p.py()).append(' ').append(p.pz()).append(' ').append(p.e())
                        .append('\n');
            }
            sb.append("#END\n");
        }
        try {
            Files.writeString(file, sb);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static List<FourMomentum> flatten(List<List<FourMomentum>> subs) {
        List<FourMomentum> out = new ArrayList<>();
        subs.forEach(out::addAll);
        return out;
    }
}
