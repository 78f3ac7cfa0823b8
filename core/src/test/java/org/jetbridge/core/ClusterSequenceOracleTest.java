package org.jetbridge.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jetbridge.core.testing.FastJetOracle;
import org.jetbridge.core.testing.TestEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ClusterSequence against FastJet 3.4 (oracle/cluster.cc) on every event of the fastjet-examples Pythia files,
 * the reference events and random LHC-like events of 50–4000 particles: identical inclusive jets (constituent
 * index sets, pT, y, φ, m to 1e-10 relative), exclusive jets (n = 2, 3, 4 and a dcut) and d_merge for kt and C/A,
 * at R = 0.4, 0.8, 1.0, plus WTA-pT recombination. All events go to the oracle in one call per definition.
 */
class ClusterSequenceOracleTest {
    private static final double REL = 1e-10;
    private static final String[] EXAMPLE_FILES = {"Pythia-PtMin1000-LHC-10ev.dat", "Pythia-Z2jets-lhc-pileup-1ev.dat",
        "Pythia-Zp2jets-lhc-pileup-1ev.dat", "Pythia-dijet-ptmin100-lhc-pileup-1ev.dat", "boosted_top_event.dat",
        "single-event.dat"};
    private static final int N_DMERGE = 6;

    private static List<List<FourMomentum>> events;
    private static List<String> names;
    private static String stdin;
    private static Path exe;

    @BeforeAll
    static void setUp() {
        exe = FastJetOracle.compile("cluster");
        events = new ArrayList<>();
        names = new ArrayList<>();
        for (String file : EXAMPLE_FILES) {
            List<List<FourMomentum>> evs = TestEvents.example(file);
            for (int i = 0; i < evs.size(); i++) {
                events.add(evs.get(i));
                names.add(file + " event " + i);
            }
        }
        List<List<FourMomentum>> pub = TestEvents.resource("reference/events-public.dat");
        for (int i = 0; i < pub.size(); i++) {
            events.add(pub.get(i));
            names.add("events-public.dat event " + i);
        }
        int[] sizes = {50, 137, 300, 700, 1500, 2500, 4000};
        for (int i = 0; i < sizes.length; i++) {
            events.add(TestEvents.lhcLike(sizes[i], 1000 + i));
            names.add("lhcLike(" + sizes[i] + ", " + (1000 + i) + ")");
        }
        stdin = TestEvents.format(events);
    }

    @Test
    void eventSetIsTheOneAskedFor() {
        // #SUBSTART sub-events merge into one event: each pile-up file is a single event of a few thousand particles
        assertEquals(1, TestEvents.example("Pythia-Z2jets-lhc-pileup-1ev.dat").size());
        assertTrue(TestEvents.example("Pythia-Z2jets-lhc-pileup-1ev.dat").get(0).size() > 3000);
        assertEquals(10, TestEvents.example("Pythia-PtMin1000-LHC-10ev.dat").size());
        assertTrue(events.size() > 60);
    }

    @Test
    void antiKt() {
        for (double r : new double[] {0.4, 0.8, 1.0}) {
            compare("antikt", JetDefinition.antiKt(r), 0, -1, 0, "E", false);
        }
    }

    @Test
    void cambridgeAachenInclusiveExclusive() {
        for (double r : new double[] {0.4, 0.8, 1.0}) {
            // with a finite R the last steps are beam merges, all at d = 1: exclusive n jets there are ambiguous
            compare("cam", JetDefinition.cambridge(r), 4, 0.5, N_DMERGE, "E", true);
        }
        // unlimited radius (exclusive C/A as used for subjets): no beam merges before the last, nothing ambiguous
        compare("cam", JetDefinition.cambridge(JetDefinition.MAX_RADIUS), 4, 0.5, N_DMERGE, "E", false);
    }

    @Test
    void ktInclusiveExclusive() {
        for (double r : new double[] {0.4, 0.8, 1.0}) {
            compare("kt", JetDefinition.kt(r), 4, 100.0, N_DMERGE, "E", false);
        }
    }

    @Test
    void winnerTakeAllRecombination() {
        compare("antikt", JetDefinition.antiKt(0.4).withRecombination(RecombinationScheme.WTA_PT), 0, -1, 0, "WTA",
                false);
        compare("cam", JetDefinition.cambridge(JetDefinition.MAX_RADIUS).withRecombination(RecombinationScheme.WTA_PT),
                4, 0.5, N_DMERGE, "WTA", false);
    }

    private record OJet(double pt, double y, double phi, double m, int[] idx) {
    }

    private static final class OEvent {
        int n;
        final List<OJet> inclusive = new ArrayList<>();
        final Map<Integer, List<OJet>> exclusive = new TreeMap<>();
        final List<OJet> dcut = new ArrayList<>();
        final List<double[]> dmerge = new ArrayList<>();
    }

    private static void compare(String alg, JetDefinition def, int nExcl, double dcut, int nDmerge, String scheme,
            boolean ambiguityExpected) {
        String out = FastJetOracle.run(exe, stdin, alg, Double.toString(def.radius()), "0", Integer.toString(nExcl),
                Double.toString(dcut), Integer.toString(nDmerge), scheme);
        List<OEvent> ref = parse(out);
        assertEquals(events.size(), ref.size(), "events answered by the oracle");
        int jetsCompared = 0;
        int exclusiveCompared = 0;
        int ambiguous = 0;
        for (int e = 0; e < events.size(); e++) {
            List<FourMomentum> in = events.get(e);
            OEvent o = ref.get(e);
            String where = names.get(e) + ", " + def;
            assertEquals(in.size(), o.n, where + ": particle count");
            ClusterSequence cs = new ClusterSequence(in, def);
            jetsCompared += compareJets(o.inclusive, cs.inclusiveJets(0), where + " inclusive");
            for (Map.Entry<Integer, List<OJet>> x : o.exclusive.entrySet()) {
                int k = x.getKey();
                // The state at k objects is ambiguous when the steps into and out of it have the same d (in C/A
                // every beam merge has d = 1 exactly, so the order of those merges is arbitrary): no answer to
                // compare. The d values themselves are compared below.
                if (cs.exclusiveDmerge(k) == cs.exclusiveDmerge(k - 1)) {
                    ambiguous++;
                    continue;
                }
                compareJets(x.getValue(), cs.exclusiveJets(k), where + " exclusive n=" + k);
                exclusiveCompared++;
            }
            if (dcut >= 0) {
                compareJets(o.dcut, cs.exclusiveJets(dcut), where + " exclusive dcut=" + dcut);
            }
            assertEquals(Math.min(nDmerge, in.size()), o.dmerge.size(), where + ": dmerge lines");
            for (double[] dm : o.dmerge) {
                int k = (int) dm[0];
                assertClose(dm[1], cs.exclusiveDmerge(k), REL, 0, where + " dmerge(" + k + ")");
                assertClose(dm[2], cs.exclusiveDmergeMax(k), REL, 0, where + " dmerge_max(" + k + ")");
            }
        }
        assertTrue(jetsCompared >= events.size(), "too few jets compared: " + jetsCompared);
        if (nExcl > 0 && !ambiguityExpected) {
            assertEquals(0, ambiguous, def + ": exclusive sets skipped as ambiguous");
            assertTrue(exclusiveCompared >= events.size(), def + ": exclusive sets compared " + exclusiveCompared);
        }
    }

    private static int compareJets(List<OJet> expected, List<Jet> actual, String where) {
        assertEquals(expected.size(), actual.size(), where + ": number of jets");
        for (int i = 0; i < expected.size(); i++) {
            OJet o = expected.get(i);
            Jet j = actual.get(i);
            String w = where + " jet " + i;
            assertArrayEquals(o.idx(), j.constituentIndices(), w + ": constituents");
            assertClose(o.pt(), j.pt(), REL, 1e-12, w + " pt");
            // y from (px, py, pz, E) has condition number ~ e^{2|y|} for massive objects: a one-ulp difference in
            // the components (e.g. a WTA jet rebuilt from its winner's y, φ, m) moves y by ~1e-16 e^{2|y|}
            double y = o.y();
            assertClose(y, j.rapidity(), REL, 1e-10 + 1e-15 * Math.exp(2 * Math.min(Math.abs(y), 15)), w + " y");
            assertClose(0, Angles.deltaPhi(o.phi(), j.phi()), 0, 1e-10, w + " phi");
            // m is the square root of a cancelling difference E² − p²: compare m² to its rounding scale, ulps of E²
            // (WTA jets are rebuilt from pT, y, φ, m through cosh/sinh, which costs several ulps)
            double e = j.e();
            assertClose(o.m() * Math.abs(o.m()), j.m() * Math.abs(j.m()), REL, 1e-13 * e * e, w + " m²");
        }
        return expected.size();
    }

    private static void assertClose(double expected, double actual, double rel, double abs, String what) {
        double tol = rel * Math.max(Math.abs(expected), Math.abs(actual)) + abs;
        if (!(Math.abs(expected - actual) <= tol)) {
            throw new AssertionError(String.format(Locale.ROOT, "%s: FastJet %.17g, jetbridge %.17g", what, expected,
                    actual));
        }
    }

    private static List<OEvent> parse(String out) {
        List<OEvent> evs = new ArrayList<>();
        OEvent cur = null;
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] t = line.trim().split("\\s+");
            switch (t[0]) {
                case "EV" -> {
                    cur = new OEvent();
                    cur.n = Integer.parseInt(t[1]);
                    evs.add(cur);
                }
                case "I" -> cur.inclusive.add(jet(t, 1));
                case "X" -> cur.exclusive.computeIfAbsent(Integer.parseInt(t[1]), k -> new ArrayList<>()).add(jet(t, 2));
                case "C" -> cur.dcut.add(jet(t, 1));
                case "D" -> cur.dmerge.add(new double[] {Integer.parseInt(t[1]), Double.parseDouble(t[2]),
                    Double.parseDouble(t[3])});
                default -> throw new AssertionError("unexpected oracle line: " + line);
            }
        }
        return evs;
    }

    private static OJet jet(String[] t, int from) {
        if (!t[from + 4].equals("|")) {
            throw new AssertionError("malformed oracle jet line: " + String.join(" ", t));
        }
        int[] idx = new int[t.length - from - 5];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = Integer.parseInt(t[from + 5 + i]);
        }
        return new OJet(Double.parseDouble(t[from]), Double.parseDouble(t[from + 1]), Double.parseDouble(t[from + 2]),
                Double.parseDouble(t[from + 3]), idx);
    }
}
