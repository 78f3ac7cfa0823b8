package org.jetbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jetbridge.cli.CliRunner.Result;
import org.jetbridge.core.ClusterSequence;
import org.jetbridge.core.Event;
import org.jetbridge.core.Jet;
import org.jetbridge.core.JetDefinition;
import org.jetbridge.core.groom.GroomedJet;
import org.jetbridge.core.groom.SoftDrop;
import org.jetbridge.core.substructure.Observables;
import org.jetbridge.io.EventSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObservablesCommandTest {
    private static final Path EVENTS = CliRunner.REFERENCE.resolve("events-public.dat");
    private static final List<String> JET_COLUMNS = List.of("event", "jet", "pt", "rapidity", "phi", "mass",
            "n_constituents");

    @TempDir
    Path dir;

    /** A CSV table: header and rows of text cells. */
    record Table(List<String> header, List<String[]> rows) {
        static Table parse(String csv) {
            String[] lines = csv.split("\n");
            List<String> header = List.of(lines[0].split(","));
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(",", -1);
                assertEquals(header.size(), f.length, "line " + (i + 1));
                rows.add(f);
            }
            return new Table(header, rows);
        }

        static Table read(Path file) throws IOException {
            return parse(Files.readString(file));
        }

        int column(String name) {
            int c = header.indexOf(name);
            assertTrue(c >= 0, "no column " + name + " in " + header);
            return c;
        }

        double value(int row, String name) {
            return Double.parseDouble(rows.get(row)[column(name)]);
        }
    }

    /** The selected jets of the reference events, clustered here directly (anti-kt, pT >= 100, |y| <= 2.5). */
    private static List<List<Jet>> referenceJets(double radius) throws IOException {
        List<List<Jet>> out = new ArrayList<>();
        try (EventSource s = EventSource.open(EVENTS)) {
            while (s.hasNext()) {
                Event e = s.next();
                List<Jet> kept = new ArrayList<>();
                for (Jet j : new ClusterSequence(e.momenta(), JetDefinition.antiKt(radius)).inclusiveJets(100)) {
                    if (Math.abs(j.rapidity()) <= 2.5) {
                        kept.add(j);
                    }
                }
                out.add(kept);
            }
        }
        return out;
    }

    private static boolean close(double ours, double ref) {
        // the golden CSV has 12 significant digits; exact zeros (tau_N of a jet with <= N constituents) must be zero
        return ours == ref || Math.abs(ours - ref) <= 1e-9 * Math.max(Math.abs(ours), Math.abs(ref));
    }

    /**
     * The golden FastJet 3.4 + fjcontrib 1.051 table (anti-kt R = 0.8 and 1.0 on all particles of
     * events-public.dat, pT >= 100 GeV, |y| <= 2.5): every column it shares with the command's output, row by row,
     * to 1e-9 relative. R = 1 is also run on the defaults, which must be exactly that selection.
     */
    @ParameterizedTest
    @CsvSource({"0.8", "1"})
    void everySharedColumnEqualsTheFastJetReference(String radius) throws IOException {
        Path out = dir.resolve("obs.csv");
        Result r = CliRunner.run("observables", "-i", EVENTS.toString(), "--algorithm", "antikt", "-R", radius,
                "--ptmin", "100", "--rapmax", "2.5", "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        Table ours = Table.read(out);

        List<String> refLines = Files.readAllLines(CliRunner.REFERENCE.resolve("substructure-public.csv"));
        List<String> refHeader = List.of(refLines.get(0).split(","));
        List<String[]> refRows = new ArrayList<>();
        for (String line : refLines.subList(1, refLines.size())) {
            String[] f = line.split(",");
            if (f[refHeader.indexOf("R")].equals(radius)) {
                refRows.add(f);
            }
        }
        assertTrue(refRows.size() > 80, "reference rows " + refRows.size());
        assertEquals(refRows.size(), ours.rows().size(), "jets");
        assertTrue(r.err().startsWith("jetbridge observables: 40 events, " + refRows.size() + " jets (anti-kt R = "
                + radius + ", pT >= 100 GeV, |y| <= 2.5), 29 observables in "), r.err());

        List<String> shared = new ArrayList<>(refHeader);
        shared.removeAll(List.of("file", "R"));
        assertEquals(32, shared.size());
        // every reference column is in the default output: the whole table is proven, not a convenient subset
        assertTrue(ours.header().containsAll(shared), ours.header().toString());
        int compared = 0;
        for (int i = 0; i < refRows.size(); i++) {
            String[] ref = refRows.get(i);
            String where = "event " + ref[refHeader.indexOf("event")] + " jet " + ref[refHeader.indexOf("jet")];
            for (String col : shared) {
                double want = Double.parseDouble(ref[refHeader.indexOf(col)]);
                double got = ours.value(i, col);
                assertTrue(close(got, want), where + " " + col + ": ours " + got + ", FastJet " + want);
                compared++;
            }
            // the ratios have no reference column: they must be the ratios of the WTA columns of the same row
            assertEquals(ours.value(i, "tau2_wta") / ours.value(i, "tau1_wta"), ours.value(i, "tau21"), 0.0, where);
            assertEquals(ours.value(i, "tau3_wta") / ours.value(i, "tau2_wta"), ours.value(i, "tau32"), 0.0, where);
        }
        assertEquals(32 * refRows.size(), compared);

        if (radius.equals("1")) {
            Result defaults = CliRunner.run("observables", "-i", EVENTS.toString(), "-o", "-", "-q");
            assertEquals(0, defaults.status(), defaults.err());
            assertEquals(Files.readString(out), defaults.out());
        }
    }

    @Test
    void defaultColumnsAreTheRegistryWithoutRepeatingPtAndMass() throws IOException {
        Result r = CliRunner.run("observables", "-i", EVENTS.toString(), "-o", "-", "-q");
        assertEquals(0, r.status(), r.err());
        List<String> expected = new ArrayList<>(JET_COLUMNS);
        for (String name : Observables.names(Observables.standardWith(Observables.referenceSoftDrops()))) {
            if (!name.equals("pt") && !name.equals("mass")) {
                expected.add(name);
            }
        }
        assertEquals(expected, Table.parse(r.out()).header());
        assertEquals("", r.err());
    }

    @Test
    void selectedColumnsInTheOrderAskedWithTheSameValues() throws IOException {
        Table all = Table.parse(CliRunner.run("observables", "-i", EVENTS.toString(), "-o", "-", "-q").out());
        Result r = CliRunner.run("observables", "-i", EVENTS.toString(), "-o", "-", "-q",
                "--observables", "tau32, sd_b1_z0p1_mass,mass", "--observables", "d2_beta1");
        assertEquals(0, r.status(), r.err());
        Table some = Table.parse(r.out());
        List<String> expected = new ArrayList<>(JET_COLUMNS);
        expected.addAll(List.of("tau32", "sd_b1_z0p1_mass", "d2_beta1"));
        assertEquals(expected, some.header());
        assertEquals(all.rows().size(), some.rows().size());
        for (int i = 0; i < all.rows().size(); i++) {
            for (String col : expected) {
                assertEquals(all.rows().get(i)[all.column(col)], some.rows().get(i)[some.column(col)], "row " + i);
            }
        }
        // only the jet columns are left when the kinematic observables alone are asked for
        Result none = CliRunner.run("observables", "-i", EVENTS.toString(), "-o", "-", "-q", "--observables",
                "pt,mass");
        assertEquals(0, none.status(), none.err());
        assertEquals(JET_COLUMNS, Table.parse(none.out()).header());
    }

    @Test
    void softDropSettingsAreParsedNamedAndApplied() throws IOException {
        Result r = CliRunner.run("observables", "-i", EVENTS.toString(), "-R", "0.8", "-o", "-", "-q",
                "--softdrop", "1:0.2:0.8", "--softdrop", " 0.5 : 0.15 ");
        assertEquals(0, r.status(), r.err());
        Result commas = CliRunner.run("observables", "-i", EVENTS.toString(), "-R", "0.8", "-o", "-", "-q",
                "--softdrop", "1:0.2:0.8, 0.5 : 0.15 ");
        assertEquals(r.out(), commas.out());
        Table t = Table.parse(r.out());
        List<String> tail = t.header().subList(t.header().size() - 8, t.header().size());
        assertEquals(List.of("sd_b1_z0p2_r0p8_pt", "sd_b1_z0p2_r0p8_mass", "sd_b1_z0p2_r0p8_zg", "sd_b1_z0p2_r0p8_rg",
                "sd_b0p5_z0p15_pt", "sd_b0p5_z0p15_mass", "sd_b0p5_z0p15_zg", "sd_b0p5_z0p15_rg"), tail);
        assertFalse(t.header().contains("sd_b1_z0p1_pt"), "the reference settings are replaced, not added to");

        List<List<Jet>> jets = referenceJets(0.8);
        SoftDrop first = new SoftDrop(1, 0.2, 0.8);
        SoftDrop second = new SoftDrop(0.5, 0.15);
        int row = 0;
        int groomedAway = 0;
        for (int e = 0; e < jets.size(); e++) {
            for (int j = 0; j < jets.get(e).size(); j++, row++) {
                Jet jet = jets.get(e).get(j);
                assertEquals(e, (int) t.value(row, "event"));
                assertEquals(j, (int) t.value(row, "jet"));
                for (var sd : List.of(Map.entry("sd_b1_z0p2_r0p8", first), Map.entry("sd_b0p5_z0p15", second))) {
                    GroomedJet g = sd.getValue().groom(jet);
                    String p = sd.getKey();
                    assertEquals(g.jet().pt(), t.value(row, p + "_pt"), 0.0);
                    assertEquals(g.jet().m(), t.value(row, p + "_mass"), 0.0);
                    assertEquals(g.zg(), t.value(row, p + "_zg"), 0.0);
                    assertEquals(g.rg(), t.value(row, p + "_rg"), 0.0);
                }
                if (t.value(row, "sd_b1_z0p2_r0p8_pt") < t.value(row, "pt")) {
                    groomedAway++;
                }
            }
        }
        assertEquals(row, t.rows().size());
        assertTrue(groomedAway > 10, "z_cut = 0.2 removes radiation from many jets: " + groomedAway);
    }

    @Test
    void softDropWithZeroCutKeepsTheWholeJet() throws IOException {
        // z > 0 * (dR/R0)^0 = 0 holds at the first splitting of every jet with two or more constituents
        Result r = CliRunner.run("observables", "-i", EVENTS.toString(), "-o", "-", "-q", "--softdrop", "0:0",
                "--observables", "sd_b0_z0_pt,sd_b0_z0_mass");
        assertEquals(0, r.status(), r.err());
        Table t = Table.parse(r.out());
        assertEquals(88, t.rows().size());
        for (int i = 0; i < t.rows().size(); i++) {
            assertEquals(t.value(i, "pt"), t.value(i, "sd_b0_z0_pt"), 1e-12 * t.value(i, "pt"));
            assertEquals(t.value(i, "mass"), t.value(i, "sd_b0_z0_mass"), 1e-9 * t.value(i, "pt"));
        }
    }

    @Test
    void listNamesEveryAvailableObservableOnceWithADescription() {
        Result r = CliRunner.run("observables", "--list");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        List<String> names = new ArrayList<>();
        for (String line : r.out().split("\\R")) {
            String[] f = line.split("\\s{2,}", 2);
            assertEquals(2, f.length, line);
            assertFalse(f[1].isBlank(), line);
            names.add(f[0]);
        }
        assertEquals(Observables.names(Observables.standardWith(Observables.referenceSoftDrops())), names);
        assertTrue(r.out().contains("sd_b2_z0p05_zg    SoftDrop beta = 2, z_cut = 0.05, R0 = 1: z_g"), r.out());

        Result custom = CliRunner.run("observables", "--list", "--softdrop", "1:0.2:0.8");
        assertEquals(0, custom.status(), custom.err());
        List<String> lines = List.of(custom.out().split("\\R"));
        assertEquals(Observables.standard().size() + 4, lines.size());
        assertTrue(lines.get(lines.size() - 1).matches(
                "sd_b1_z0p2_r0p8_rg +SoftDrop beta = 1, z_cut = 0.2, R0 = 0.8: R_g.*"), custom.out());
        assertFalse(custom.out().contains("sd_b1_z0p1"), custom.out());
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "--observables|tau21,tau4 => --observables: unknown observable 'tau4'; known: mass, pt, tau1_kt, ",
        "--observables|sd_b1_z0p2_mass => --observables: unknown observable 'sd_b1_z0p2_mass'; known: ",
        "--observables|tau21,d2_beta1,tau21 => --observables: 'tau21' given twice",
        "--softdrop|1 => Invalid value for option '--softdrop' (BETA:ZCUT[:R0]): expected BETA:ZCUT or "
                + "BETA:ZCUT:R0 (e.g. 1:0.1), got '1'",
        "--softdrop|1:0.1:0.8:2 => Invalid value for option '--softdrop' (BETA:ZCUT[:R0]): expected BETA:ZCUT or "
                + "BETA:ZCUT:R0 (e.g. 1:0.1), got '1:0.1:0.8:2'",
        "--softdrop|1:x => Invalid value for option '--softdrop' (BETA:ZCUT[:R0]): expected a number for ZCUT in "
                + "BETA:ZCUT[:R0], got '1:x'",
        "--softdrop|:0.1 => Invalid value for option '--softdrop' (BETA:ZCUT[:R0]): expected a number for BETA in "
                + "BETA:ZCUT[:R0], got ':0.1'",
        "--softdrop|-1:0.1 => Invalid value for option '--softdrop' (BETA:ZCUT[:R0]): SoftDrop: beta must be "
                + "finite and >= 0, got -1.0 in '-1:0.1'",
        "--softdrop|1:1.5 => Invalid value for option '--softdrop' (BETA:ZCUT[:R0]): SoftDrop: z_cut must be in "
                + "[0, 1), got 1.5 in '1:1.5'",
        "--softdrop|1:0.1:0 => Invalid value for option '--softdrop' (BETA:ZCUT[:R0]): SoftDrop: R0 must be "
                + "finite and > 0, got 0.0 in '1:0.1:0'",
        "--softdrop|1:0.1,1.0:0.10 => --softdrop: setting sd_b1_z0p1 given twice",
        "--radius|-1 => --radius must be in (0, 1000], got -1",
        "--rapmax|-2 => --rapmax must be >= 0, got -2"})
    void badOptionsAreOneUsageErrorAndWriteNothing(String args, String message) throws IOException {
        Path in = dir.resolve("events.dat");
        Files.copy(EVENTS, in);
        Path out = dir.resolve("obs.csv");
        List<String> argv = new ArrayList<>(List.of("observables", "-i", in.toString(), "-o", out.toString()));
        argv.addAll(List.of(args.split("\\|")));
        Result r = CliRunner.run(argv.toArray(String[]::new));
        assertEquals(2, r.status());
        assertEquals(2, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).startsWith("jetbridge: " + message), r.errLines().get(0));
        assertEquals("Try 'jetbridge observables --help' for usage.", r.errLines().get(1));
        assertEquals("", r.out());
        assertEquals(List.of(in), listing(), "no output and no temporary file");
    }

    @Test
    void malformedEventsAreOneLineNamingFileAndLineAndWriteNothing() throws IOException {
        Path in = dir.resolve("bad.dat");
        Files.writeString(in, "500 0 0 500\n-500 0 0 500\n#END\n1 2 3\n");
        Path out = dir.resolve("obs.csv");
        Result r = CliRunner.run("observables", "-i", in.toString(), "-o", out.toString(), "--ptmin", "10");
        assertEquals(2, r.status());
        assertEquals(List.of("jetbridge: " + in + " line 4: expected 4 numbers (px py pz E), got 3"), r.errLines());
        assertEquals(List.of(in), listing());
    }

    @Test
    void inputAndOutputAreRequiredUnlessListing() {
        Result r = CliRunner.run("observables", "-o", "x.csv");
        assertEquals(2, r.status());
        assertEquals("jetbridge: missing input: give --input FILE or --generate ttbar|flavour|minbias", r.errLines().get(0));
    }
}
