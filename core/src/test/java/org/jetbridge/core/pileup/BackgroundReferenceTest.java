package org.jetbridge.core.pileup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Particle;
import org.jetbridge.core.testing.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * Grid-median ρ, σ and the SoftKiller cut against FastJet 3.4 + SoftKiller 1.0.0 on every event of the reference
 * tables (reference/README.md): 40 public events and 14 Debian fastjet-examples events.
 */
class BackgroundReferenceTest {
    private static final double REL = 1e-9;
    private static final double ABS_FLOOR = 1e-12;

    @Test
    void publicEventsMatchFastJet() {
        List<List<FourMomentum>> events = TestEvents.resource("reference/events-public.dat");
        int rows = check(readCsv("reference/rho-softkiller-public.csv"), name -> events);
        assertEquals(40, rows);
    }

    @Test
    void fastjetExampleEventsMatchFastJet() {
        Map<String, List<List<FourMomentum>>> files = new HashMap<>();
        int rows = check(readCsv("reference/rho-softkiller-fastjet-examples.csv"),
                name -> files.computeIfAbsent(name, TestEvents::example));
        assertEquals(14, rows);
    }

    private static int check(List<String[]> rows, java.util.function.Function<String, List<List<FourMomentum>>> src) {
        GridMedianBackground grid = new GridMedianBackground();
        SoftKiller sk = new SoftKiller();
        assertEquals(99, grid.tileCount());
        assertEquals(0.317333, grid.tileArea(), 1e-6);
        for (String[] r : rows) {
            String where = r[0] + " event " + r[1];
            List<FourMomentum> ev = src.apply(r[0]).get(Integer.parseInt(r[1]));
            assertEquals(Integer.parseInt(r[2]), ev.size(), where + " n_particles");
            long central = ev.stream().filter(p -> Math.abs(p.rapidity()) < 2.5).count();
            assertEquals(Long.parseLong(r[3]), central, where + " n_particles_central");
            double cut = sk.ptCut(ev);
            close(Double.parseDouble(r[4]), cut, where + " softkiller_ptcut");
            List<Particle> kept = sk.apply(ev.stream().map(Particle::of).toList());
            long keptCentral = kept.stream().filter(p -> Math.abs(p.momentum().rapidity()) < 2.5).count();
            assertEquals(Long.parseLong(r[5]), keptCentral, where + " softkiller_n_kept");
            // the cut applies everywhere: nothing below it survives, nothing above it is lost
            long above = ev.stream().filter(p -> p.pt2() >= cut * cut).count();
            assertEquals(above, kept.size(), where + " kept at all rapidities");
            BackgroundEstimate bg = grid.estimate(ev);
            close(Double.parseDouble(r[6]), bg.rho(), where + " rho");
            close(Double.parseDouble(r[7]), bg.sigma(), where + " sigma");
        }
        assertTrue(rows.size() > 0);
        return rows.size();
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.max(ABS_FLOOR, REL * Math.abs(expected)), what);
    }

    static List<String[]> readCsv(String name) {
        try (InputStream in = BackgroundReferenceTest.class.getResourceAsStream("/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
