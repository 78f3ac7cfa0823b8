package org.jetbridge.core.substructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jetbridge.core.ClusterSequence;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.jetbridge.core.JetDefinition;
import org.jetbridge.core.testing.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * Every row of the golden FastJet 3.4.0 + fjcontrib 1.051 substructure tables: anti-kt R = 0.8 and 1.0 on all
 * particles, jets with pT ≥ 100 GeV and |y| ≤ 2.5, every column compared to 1e-9 relative. Columns that depend
 * on no discrete decision (jet kinematics, ECFs, D2) must match in every row; the others (τ_N: nearest-axis
 * assignment and exclusive clustering order; SoftDrop: pass/fail at the threshold) may flip near a threshold, so
 * mismatches there are printed and at most 1 % of all values (and 2 % of the rows of any one column) may differ.
 * At the time of writing no value differs in either table (7620 values).
 */
class ReferenceSubstructureTest {
    private static final double REL = 1e-9;
    /** Absolute floor per unit: the CSV has 12 significant digits and some values are exactly 0 or tiny. */
    private static final double ABS = 1e-9;
    /** Columns whose value depends only on sums over constituents, never on a discrete choice. */
    private static final Set<String> SMOOTH = Set.of("pt", "rapidity", "phi", "mass", "n_constituents", "d2_beta1",
            "d2_beta2", "ecf1", "ecf2_beta1", "ecf3_beta1", "e2_beta1", "e3_beta1");

    @Test
    void publicEvents() {
        check("reference/substructure-public.csv", 189);
    }

    @Test
    void fastjetExamples() {
        check("reference/substructure-fastjet-examples.csv", 65);
    }

    private static void check(String csv, int expectedRows) {
        List<Map<String, String>> rows = readCsv(csv);
        assertEquals(expectedRows, rows.size(), csv + ": row count");
        List<Observable> observables = Observables.standardWith(Observables.referenceSoftDrops());
        Map<String, Observable> byName = new HashMap<>();
        for (Observable o : observables) {
            byName.put(o.name(), o);
        }
        // group the rows by (file, event, R) so that each event is clustered once per radius
        Map<String, List<Map<String, String>>> groups = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            groups.computeIfAbsent(r.get("file") + "|" + r.get("event") + "|" + r.get("R"), k -> new ArrayList<>()).add(r);
        }
        Map<String, List<List<FourMomentum>>> files = new HashMap<>();
        int compared = 0;
        int mismatched = 0;
        Map<String, Integer> perColumn = new HashMap<>();
        List<String> report = new ArrayList<>();
        for (List<Map<String, String>> group : groups.values()) {
            Map<String, String> first = group.get(0);
            String file = first.get("file");
            List<List<FourMomentum>> events = files.computeIfAbsent(file,
                    f -> f.equals("events-public.dat") ? TestEvents.resource("reference/" + f) : TestEvents.example(f));
            int event = Integer.parseInt(first.get("event"));
            double radius = Double.parseDouble(first.get("R"));
            List<Jet> jets = selectedJets(events.get(event), radius);
            assertEquals(group.size(), jets.size(), file + " event " + event + " R " + radius + ": selected jets");
            for (Map<String, String> row : group) {
                int index = Integer.parseInt(row.get("jet"));
                Jet jet = jets.get(index);
                JetContext ctx = JetContext.of(jet);
                for (Map.Entry<String, String> cell : row.entrySet()) {
                    String col = cell.getKey();
                    double ours;
                    switch (col) {
                        case "file", "event", "R", "jet" -> {
                            continue;
                        }
                        case "rapidity" -> ours = jet.rapidity();
                        case "phi" -> ours = jet.phi();
                        case "n_constituents" -> ours = jet.constituentCount();
                        default -> {
                            Observable o = byName.get(col);
                            if (o == null) {
                                throw new AssertionError(csv + ": no observable for column " + col);
                            }
                            ours = o.value(ctx);
                        }
                    }
                    double ref = Double.parseDouble(cell.getValue());
                    compared++;
                    if (!close(ours, ref)) {
                        mismatched++;
                        perColumn.merge(col, 1, Integer::sum);
                        String where = String.format(Locale.ROOT, "%s event %d R %s jet %d %s: ours %.12g ref %.12g",
                                file, event, row.get("R"), index, col, ours, ref);
                        report.add(where);
                        assertTrue(!SMOOTH.contains(col), "smooth column differs: " + where);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d values compared, %d differ%n", csv, compared, mismatched);
        report.forEach(s -> System.out.println("  differs: " + s));
        assertTrue(mismatched <= 0.01 * compared, csv + ": " + mismatched + " of " + compared + " values differ");
        perColumn.forEach((col, k) -> assertTrue(k <= 0.02 * rows.size(),
                csv + ": column " + col + " differs in " + k + " of " + rows.size() + " rows"));
    }

    static List<Jet> selectedJets(List<FourMomentum> particles, double radius) {
        List<Jet> out = new ArrayList<>();
        for (Jet j : new ClusterSequence(particles, JetDefinition.antiKt(radius)).inclusiveJets(100.0)) {
            if (Math.abs(j.rapidity()) <= 2.5) {
                out.add(j);
            }
        }
        return out;
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= REL * Math.max(Math.abs(a), Math.abs(b)) + ABS;
    }

    private static List<Map<String, String>> readCsv(String name) {
        try (InputStream in = ReferenceSubstructureTest.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            String[] header = lines[0].trim().split(",");
            List<Map<String, String>> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] f = lines[i].trim().split(",");
                assertEquals(header.length, f.length, name + " line " + (i + 1) + ": column count");
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < header.length; c++) {
                    row.put(header[c], f[c]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
