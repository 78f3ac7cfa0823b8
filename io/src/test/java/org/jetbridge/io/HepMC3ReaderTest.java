package org.jetbridge.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.jetbridge.core.Event;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Particle;
import org.junit.jupiter.api.Test;

/**
 * two-events.hepmc3 (test resources) is hand-written from the HepMC3 ASCII format: event 7 in MeV and cm is
 * pp → Z (→ μ⁻μ⁺ through an implicit single-parent vertex) + B⁰ (→ K⁺π⁻ at a displaced vertex) + two proton
 * remnants, with exact four-momentum balance; event 8 in the default GeV and mm has an event position.
 */
class HepMC3ReaderTest {
    private static final Path FILE = Paths.get("src", "test", "resources", "hepmc3", "two-events.hepmc3");

    private static HepMC3Reader reader(String text) {
        return new HepMC3Reader(new BufferedReader(new StringReader(text)), "t.hepmc3");
    }

    private static String message(String text) {
        return assertThrows(InputException.class, () -> {
            try (HepMC3Reader r = reader(text)) {
                while (r.hasNext()) {
                    r.next();
                }
            }
        }).getMessage();
    }

    @Test
    void finalStateConservesBeamMomentumAndChargeInGeV() {
        try (HepMC3Reader r = HepMC3Reader.open(FILE)) {
            HepMC3Event rec = r.nextRecord();
            assertEquals(7, rec.number());
            assertArrayEquals(new double[] {2.5, 1.75}, rec.weights());
            Event e = rec.event();
            assertEquals(List.of(2212, 2212, 13, -13, 321, -211), e.particles().stream().map(Particle::pdgId).toList());
            FourMomentum sum = FourMomentum.sum(e.momenta());
            // the beams: 6.5 TeV each along ±z, written in MeV
            assertEquals(0.0, sum.px(), 1e-9);
            assertEquals(0.0, sum.py(), 1e-9);
            assertEquals(0.0, sum.pz(), 1e-7);
            assertEquals(13000.0, sum.e(), 1e-7);
            // two protons in, charge 2 out: p p μ⁻ μ⁺ K⁺ π⁻
            assertEquals(List.of(1, 1, -1, 1, 1, -1), e.particles().stream().map(Particle::charge).toList());
            // the muons rebuild the Z: same momentum as P 3 (20, 45, -28) GeV
            FourMomentum z = e.particles().get(2).momentum().plus(e.particles().get(3).momentum());
            assertEquals(20.0, z.px(), 1e-12);
            assertEquals(45.0, z.py(), 1e-12);
            assertEquals(-28.0, z.pz(), 1e-12);
            for (Particle p : e.particles()) {
                assertEquals(Particle.HARD_SCATTER, p.vertex());
            }
            assertEquals(List.of(5, 6, 7, 8, 9, 10), List.of(rec.particleId(0), rec.particleId(1), rec.particleId(2),
                    rec.particleId(3), rec.particleId(4), rec.particleId(5)));
            // remnants from vertex -1, muons from the Z (particle 3) through an implicit vertex, K π from vertex -3
            assertEquals(List.of(-1, -1, 3, 3, -3, -3), List.of(rec.parent(0), rec.parent(1), rec.parent(2),
                    rec.parent(3), rec.parent(4), rec.parent(5)));
        }
    }

    @Test
    void productionPositionsInMillimetresWithInheritance() {
        try (HepMC3Reader r = HepMC3Reader.open(FILE)) {
            HepMC3Event rec = r.nextRecord();
            // remnants at V -1 (0.1, 0.2, 3, 4) cm; the muons' implicit vertex inherits the Z's production point
            for (int i = 0; i < 4; i++) {
                assertPosition(rec, i, 1.0, 2.0, 30.0, 40.0);
            }
            // K⁺ π⁻ at the B⁰ decay vertex V -3 (0.15, 0.25, 3.5, 4.6) cm
            assertPosition(rec, 4, 1.5, 2.5, 35.0, 46.0);
            assertPosition(rec, 5, 1.5, 2.5, 35.0, 46.0);
            assertEquals(Math.hypot(1.5, 2.5), rec.transverseDisplacement(5), 1e-12);

            HepMC3Event second = r.nextRecord();
            assertEquals(8, second.number());
            assertArrayEquals(new double[] {0.5}, second.weights());
            assertEquals(3, second.event().size());
            // GeV without a U line
            assertEquals(new FourMomentum(1, 2, 3, Math.sqrt(14.0)), second.event().particles().get(0).momentum());
            assertEquals(0, second.event().particles().get(0).charge());
            assertEquals(1, second.event().particles().get(2).charge());
            // an unplaced vertex fed by a beam, and a particle without a vertex, sit at the event position
            for (int i = 0; i < 3; i++) {
                assertPosition(second, i, 0.5, -0.5, 12.0, 13.0);
            }
            assertNull(r.nextRecord());
        }
    }

    private static void assertPosition(HepMC3Event rec, int i, double x, double y, double z, double ct) {
        assertEquals(x, rec.x(i), 1e-12, "x of " + i);
        assertEquals(y, rec.y(i), 1e-12, "y of " + i);
        assertEquals(z, rec.z(i), 1e-12, "z of " + i);
        assertEquals(ct, rec.ct(i), 1e-12, "ct of " + i);
    }

    @Test
    void eventSourceOpensHepMC3ByExtension() {
        try (EventSource s = EventSource.open(FILE)) {
            assertEquals(EventFormat.HEPMC3, s.format());
            assertEquals(List.of(6, 3), s.stream().map(Event::size).toList());
        }
    }

    private static final String HEAD = "HepMC::Version 3.02.06\nHepMC::Asciiv3-START_EVENT_LISTING\n";

    @Test
    void malformedFilesFailWithFileAndLine() {
        assertEquals("t.hepmc3 line 3: event 0 declares 2 particles but has 1 P lines (truncated file?)",
                message(HEAD + "E 0 0 2\nP 1 0 22 0 0 1 1 0 1\n"));
        assertEquals("t.hepmc3 line 4: expected 'P id parent pdg px py pz E mass status' (9 fields), got 8",
                message(HEAD + "E 0 0 1\nP 1 0 22 0 0 1 1 0\n"));
        assertEquals("t.hepmc3 line 4: particle 1 comes from vertex -1, which has no V line in event 0",
                message(HEAD + "E 0 1 1\nP 1 -1 22 0 0 1 1 0 1\n"));
        assertEquals("t.hepmc3 line 4: expected a number for pz, got '1x'",
                message(HEAD + "E 0 0 1\nP 1 0 22 0 0 1x 1 0 1\n"));
        assertTrue(message(HEAD + "E 0 0 1\nP 1 0 22 0 0 2 1 0 1\n")
                .startsWith("t.hepmc3 line 4: energy E = 1.0 GeV is below |p| = 2.0 GeV"));
        assertEquals("t.hepmc3 line 4: unknown momentum unit 'KEV' (expected GEV or MEV)",
                message(HEAD + "E 0 0 1\nU KEV MM\nP 1 0 22 0 0 1 1 0 1\n"));
        assertEquals("t.hepmc3 line 1: this is HepMC2 ASCII; only HepMC3 (HepMC::Asciiv3-START_EVENT_LISTING) is read",
                message("HepMC::IO_GenEvent-START_EVENT_LISTING\nE 0 1 2\n"));
        assertEquals("t.hepmc3 line 1: expected HepMC::Asciiv3-START_EVENT_LISTING before event data, got '1'",
                message("1 0 0 1\n"));
        assertEquals("t.hepmc3: no events found (expected HepMC::Asciiv3-START_EVENT_LISTING followed by E lines)",
                message(HEAD + "HepMC::Asciiv3-END_EVENT_LISTING\n"));
        assertEquals("t.hepmc3 line 4: unexpected line starting with 'X' (expected a HepMC3 E, U, W, A, V or P line)",
                message(HEAD + "E 0 0 0\nX 1 2\n"));
    }

    @Test
    void intermediateParticlesMayBeSpacelike() {
        // a t-channel propagator (status 2) has E < |p|; only final-state particles are checked
        String text = HEAD + "E 0 1 3\nP 1 0 21 0 0 5 1 0 3\nV -1 0 [1]\nP 2 -1 22 3 0 0 3 0 1\nP 3 1 22 0 0 1 1 0 1\n";
        try (HepMC3Reader r = reader(text)) {
            assertEquals(2, r.next().size());
        }
    }
}
