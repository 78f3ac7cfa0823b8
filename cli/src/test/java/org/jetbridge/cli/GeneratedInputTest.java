package org.jetbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jetbridge.cli.CliRunner.Result;
import org.jetbridge.core.Event;
import org.jetbridge.core.Particle;
import org.jetbridge.sim.GeneratorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Testbed events fed to the clustering commands with --generate instead of --input. */
class GeneratedInputTest {
    @TempDir
    Path dir;

    @Test
    void observablesOfGeneratedTtbarPeakAtTheTopMass() throws Exception {
        Path out = dir.resolve("obs.csv");
        Result r = CliRunner.run("observables", "--generate", "ttbar", "--events", "2000", "--seed", "3", "--ptmin",
                "400", "--observables", "tau32", "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("2000 events"), r.err());
        ObservablesCommandTest.Table t = ObservablesCommandTest.Table.read(out);
        int[] bins = new int[30]; // 5 GeV from 100 to 250 GeV
        int leading = 0;
        for (int i = 0; i < t.rows().size(); i++) {
            if (t.value(i, "jet") != 0) {
                continue;
            }
            leading++;
            double m = t.value(i, "mass");
            if (m >= 100 && m < 250) {
                bins[(int) ((m - 100) / 5)]++;
            }
        }
        assertTrue(leading > 150, "leading jets above 400 GeV: " + leading);
        int peak = 0;
        for (int b = 1; b < bins.length; b++) {
            peak = bins[b] > bins[peak] ? b : peak;
        }
        double centre = 100 + 5 * peak + 2.5;
        assertTrue(centre >= 165 && centre <= 180, "leading R = 1 jet mass peak at " + centre + " GeV");
        double sidebands = 0;
        for (int b = 0; b < 10; b++) {
            sidebands += bins[b] / 10.0; // 100–150 GeV: QCD-like and partially contained tops
        }
        assertTrue(bins[peak] > 4 * sidebands, "a real peak: " + bins[peak] + " vs " + sidebands + " per bin below");
    }

    @Test
    void generatedEventsCarryPileupVerticesAndAreReproducible() {
        GeneratorSettings s = GeneratorSettings.nominal().with("pileup.mu", "20");
        GeneratedEvents a = new GeneratedEvents("flavour", s, true, 7, 40, 2);
        GeneratedEvents b = new GeneratedEvents("flavour", s, true, 7, 40, 1);
        int maxVertex = 0;
        int events = 0;
        while (a.hasNext()) {
            Event ea = a.next();
            Event eb = b.next();
            assertEquals(ea, eb, "event " + events + " must not depend on the threads");
            int hardScatterCharge = 0;
            for (Particle p : ea.particles()) {
                maxVertex = Math.max(maxVertex, p.vertex());
                assertTrue(Math.abs(p.pdgId()) != 12 && Math.abs(p.pdgId()) != 14 && Math.abs(p.pdgId()) != 16);
                hardScatterCharge += p.vertex() == 0 ? p.charge() : 0;
            }
            // the hard scatter is a neutral parton pair: its visible particles (neutrinos are neutral) sum to 0
            assertEquals(0, hardScatterCharge, "event " + events);
            events++;
        }
        assertEquals(40, events);
        assertTrue(maxVertex > 5, "pile-up interactions are numbered as vertices: " + maxVertex);
    }

    @Test
    void clusterAcceptsGeneratedMinimumBias() throws Exception {
        Path out = dir.resolve("jets.csv");
        Result r = CliRunner.run("cluster", "--generate", "minbias", "--events", "50", "--ptmin", "1", "-o",
                out.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.size() > 50, "soft jets above 1 GeV in 50 interactions: " + lines.size());
    }
}
