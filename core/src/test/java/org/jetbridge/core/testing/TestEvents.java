package org.jetbridge.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jetbridge.core.FourMomentum;
import org.junit.jupiter.api.Assumptions;

/**
 * Event sources for core tests: the reference events in test resources, Debian's fastjet-examples files when
 * installed, and random LHC-like events. (Core cannot use the io module; this is a minimal reader of FastJet's
 * text format for tests only: px py pz E per line, #END or a blank line ends an event, other # lines ignored.)
 */
public final class TestEvents {
    /** Where Debian's fastjet-examples package puts its Pythia event files. */
    public static final Path EXAMPLES = Paths.get("/usr/share/doc/fastjet-examples/examples");

    private TestEvents() {
    }

    /** Events of a FastJet text file in test resources (e.g. "reference/events-public.dat"). */
    public static List<List<FourMomentum>> resource(String name) {
        try (InputStream in = TestEvents.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Events of a Debian fastjet-examples file; skips the test when the package is not installed. */
    public static List<List<FourMomentum>> example(String fileName) {
        Path p = EXAMPLES.resolve(fileName);
        if (!Files.exists(p)) {
            String msg = "fastjet-examples not installed (" + p + "); see .ci/run";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                org.junit.jupiter.api.Assertions.fail(msg);
            }
            Assumptions.abort(msg);
        }
        try {
            return parse(Files.readString(p));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<List<FourMomentum>> parse(String text) {
        List<List<FourMomentum>> events = new ArrayList<>();
        List<FourMomentum> cur = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#END")) {
                if (!cur.isEmpty()) {
                    events.add(cur);
                    cur = new ArrayList<>();
                }
                continue;
            }
            if (t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\\s+");
            cur.add(new FourMomentum(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3])));
        }
        if (!cur.isEmpty()) {
            events.add(cur);
        }
        return events;
    }

    /** Writes events in FastJet text format (17 significant digits, exact round trip), for feeding oracles. */
    public static String format(List<List<FourMomentum>> events) {
        StringBuilder sb = new StringBuilder();
        for (List<FourMomentum> ev : events) {
            for (FourMomentum p : ev) {
                sb.append(repr(p.px())).append(' ').append(repr(p.py())).append(' ').append(repr(p.pz())).append(' ')
                        .append(repr(p.e())).append('\n');
            }
            sb.append("#END\n");
        }
        return sb.toString();
    }

    private static String repr(double x) {
        return Double.toString(x);
    }

    /**
     * A random LHC-like event of n massless or light particles: a few hard jets (collimated sprays around random
     * axes) on top of soft pile-up-like particles uniform in |y| &lt; 4 with an exponential pT spectrum.
     */
    public static List<FourMomentum> lhcLike(int n, long seed) {
        Random r = new Random(seed);
        List<FourMomentum> out = new ArrayList<>(n);
        int nHard = Math.min(n, 3 + r.nextInt(3));
        int inJets = n / 10;
        for (int j = 0; j < nHard && out.size() < n; j++) {
            double y0 = r.nextDouble() * 5 - 2.5;
            double phi0 = r.nextDouble() * 2 * Math.PI;
            double ptJet = 50 + 500 * r.nextDouble();
            int k = Math.max(1, inJets / nHard);
            for (int i = 0; i < k && out.size() < n; i++) {
                double z = Math.pow(r.nextDouble(), 3);
                double dy = r.nextGaussian() * 0.15;
                double dphi = r.nextGaussian() * 0.15;
                out.add(FourMomentum.fromPtYPhiM(ptJet * z / k * 4 + 0.1, y0 + dy, phi0 + dphi, 0.0));
            }
        }
        while (out.size() < n) {
            double pt = -0.6 * Math.log(1 - r.nextDouble()) + 0.05;
            double y = r.nextDouble() * 8 - 4;
            double phi = r.nextDouble() * 2 * Math.PI - Math.PI;
            double m = r.nextDouble() < 0.7 ? 0.13957 : 0.0;
            out.add(FourMomentum.fromPtYPhiM(pt, y, phi, m));
        }
        return out;
    }
}
