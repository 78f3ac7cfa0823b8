package org.jetbridge.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.jetbridge.core.Event;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Particle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastJetTextReaderTest {
    @TempDir
    Path dir;

    private static List<Event> readAll(String text) {
        List<Event> out = new ArrayList<>();
        try (EventSource s = new FastJetTextReader(new BufferedReader(new StringReader(text)), "t.dat")) {
            s.forEachRemaining(out::add);
        }
        return out;
    }

    private static InputException failure(String text) {
        return assertThrows(InputException.class, () -> readAll(text));
    }

    @Test
    void eventBoundariesCommentsAndExtraColumns() {
        String text = """
                # a comment before anything
                1 2 3 10 0
                -1 0.5 -2 5   7 8

                #END
                #END
                # an empty event above is not counted
                0 0 1 1
                #END extra words after the marker
                3 4 0 5
                """;
        List<Event> events = readAll(text);
        assertEquals(3, events.size());
        assertEquals(List.of(new FourMomentum(1, 2, 3, 10), new FourMomentum(-1, 0.5, -2, 5)), events.get(0).momenta());
        assertEquals(List.of(new FourMomentum(0, 0, 1, 1)), events.get(1).momenta());
        // the last event is ended by the end of the input, without a marker
        assertEquals(List.of(new FourMomentum(3, 4, 0, 5)), events.get(2).momenta());
        for (Event e : events) {
            for (Particle p : e.particles()) {
                assertEquals(0, p.vertex());
                assertEquals(0, p.pdgId());
            }
        }
    }

    @Test
    void subEventsNumberTheVertexAndRestartInEachEvent() {
        String text = """
                #SUBSTART
                1 0 0 1
                2 0 0 2
                #SUBSTART
                0 1 0 1
                #SUBSTART
                0 0 1 1
                #END
                5 0 0 5
                #SUBSTART
                0 5 0 5
                #END
                #SUBSTART
                #SUBSTART
                0 0 3 3
                """;
        List<Event> events = readAll(text);
        assertEquals(3, events.size());
        assertEquals(List.of(0, 0, 1, 2), vertices(events.get(0)));
        // without a leading #SUBSTART the first particles are sub-event 0 as well
        assertEquals(List.of(0, 1), vertices(events.get(1)));
        // an empty sub-event still counts
        assertEquals(List.of(1), vertices(events.get(2)));
    }

    private static List<Integer> vertices(Event e) {
        List<Integer> v = new ArrayList<>();
        e.particles().forEach(p -> v.add(p.vertex()));
        return v;
    }

    @Test
    void malformedLinesNameFileLineAndExpectation() {
        assertEquals("t.dat line 3: expected 4 numbers (px py pz E), got 3",
                failure("1 0 0 1\n# c\n1 2 3\n").getMessage());
        assertEquals("t.dat line 1: expected a number for pz, got 'abc'", failure("1 2 abc 4\n").getMessage());
        assertEquals("t.dat line 2: px must be a finite number, got NaN", failure("1 0 0 1\nNaN 0 0 1\n").getMessage());
        assertEquals("t.dat line 1: E must be a finite number, got Infinity", failure("1 0 0 Infinity\n").getMessage());
        InputException e = failure("#END\n3 4 12 12.9\n");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("t.dat line 2: energy E = 12.9 GeV is below |p| = 13.0 GeV"),
                e.getMessage());
    }

    @Test
    void energyTestToleratesRoundingOnly() {
        // |p| = 13 exactly; 10-significant-digit rounding of a massless particle is a relative 1e-10 effect
        assertEquals(1, readAll("3 4 12 12.9999999\n").size());
        assertEquals(1, readAll("3e-6 4e-6 12e-6 12.9999e-6\n").size());
        failure("3 4 12 12.9999\n");
        failure("0 0 0 -1\n");
    }

    @Test
    void emptyInputIsAnError() {
        assertEquals("t.dat: no events found (expected lines of px py pz E)", failure("").getMessage());
        assertEquals("t.dat: no events found (expected lines of px py pz E)",
                failure("# only comments\n\n#END\n#SUBSTART\n").getMessage());
    }

    @Test
    void streamsEventsBeforeReachingALaterError() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            sb.append("1 0 0 1\n#END\n");
        }
        sb.append("1 0 0\n");
        try (EventSource s = new FastJetTextReader(new BufferedReader(new StringReader(sb.toString())), "t.dat")) {
            for (int i = 0; i < 1000; i++) {
                assertEquals(1, s.next().size());
            }
            assertEquals(1000, s.eventsRead());
            InputException e = assertThrows(InputException.class, s::hasNext);
            assertEquals(2001, e.line());
        }
    }

    @Test
    void publicReferenceEventsHaveTheReferenceParticleCounts() {
        List<String[]> rows = ReferenceFiles.csvRows(ReferenceFiles.reference("rho-softkiller-public.csv"));
        List<Event> events;
        try (EventSource s = EventSource.open(ReferenceFiles.reference("events-public.dat"))) {
            assertEquals(EventFormat.FASTJET_DAT, s.format());
            events = s.stream().toList();
        }
        assertEquals(40, events.size());
        assertEquals(rows.size(), events.size());
        for (String[] r : rows) {
            int ev = Integer.parseInt(r[1]);
            assertEquals(Integer.parseInt(r[2]), events.get(ev).size(), "event " + ev);
            long central = events.get(ev).particles().stream().filter(p -> Math.abs(p.momentum().rapidity()) < 2.5)
                    .count();
            assertEquals(Long.parseLong(r[3]), central, "central particles of event " + ev);
        }
    }

    @Test
    void fastjetExamplePileupFileSplitsIntoSubEvents() throws IOException {
        Path file = ReferenceFiles.example("Pythia-Zp2jets-lhc-pileup-1ev.dat");
        List<String[]> rows = ReferenceFiles.csvRows(ReferenceFiles.reference("rho-softkiller-fastjet-examples.csv"));
        String[] ref = rows.stream().filter(r -> r[0].equals(file.getFileName().toString())).findFirst().orElseThrow();
        // independent count of the sub-events and of the particle lines before the second #SUBSTART
        List<String> lines = Files.readAllLines(file);
        int markers = 0;
        int hard = 0;
        for (String l : lines) {
            if (l.startsWith("#SUBSTART")) {
                markers++;
            } else if (!l.startsWith("#") && !l.isBlank() && markers == 1) {
                hard++;
            }
        }
        List<Event> events;
        try (EventSource s = EventSource.open(file)) {
            events = s.stream().toList();
        }
        assertEquals(1, events.size());
        Event e = events.get(0);
        assertEquals(Integer.parseInt(ref[2]), e.size());
        int maxVertex = e.particles().stream().mapToInt(Particle::vertex).max().orElseThrow();
        assertEquals(markers - 1, maxVertex);
        assertEquals(hard, e.particles().stream().filter(p -> !p.isPileup()).count());
        assertTrue(hard > 100, "the hard Z' event has many particles");
    }

    @Test
    void gzipAndFormatDetection() throws IOException {
        Path gz = dir.resolve("ev.dat.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("1 2 3 10\n#END\n4 5 6 20\n".getBytes(StandardCharsets.UTF_8));
        }
        try (EventSource s = EventSource.open(gz)) {
            assertEquals(EventFormat.FASTJET_DAT, s.format());
            assertEquals(new FourMomentum(1, 2, 3, 10), s.next().momenta().get(0));
            assertEquals(new FourMomentum(4, 5, 6, 20), s.next().momenta().get(0));
            assertFalse(s.hasNext());
        }
        // no telling extension: the content decides
        Path unknown = dir.resolve("events.input");
        Files.writeString(unknown, "\n\n1 0 0 1\n");
        try (EventSource s = EventSource.open(unknown)) {
            assertEquals(EventFormat.FASTJET_DAT, s.format());
            assertEquals(1, s.next().size());
        }
        Files.writeString(unknown, "\nHepMC::Version 3.02.06\nHepMC::Asciiv3-START_EVENT_LISTING\nE 0 0 0\n");
        try (EventSource s = EventSource.open(unknown)) {
            assertEquals(EventFormat.HEPMC3, s.format());
        }
        assertEquals(EventFormat.HEPMC3, EventFormat.fromFileName("a.hepmc3.gz"));
        assertEquals(EventFormat.FASTJET_DAT, EventFormat.fromName("FastJet-dat"));
        assertThrows(IllegalArgumentException.class, () -> EventFormat.fromName("root"));
    }

    @Test
    void missingFileAndDirectory() {
        Path missing = dir.resolve("nope.dat");
        assertEquals(missing + ": no such file", assertThrows(InputException.class, () -> EventSource.open(missing))
                .getMessage());
        assertEquals(dir + ": is a directory, expected an event file",
                assertThrows(InputException.class, () -> EventSource.open(dir)).getMessage());
        Path notGzip = dir.resolve("plain.dat.gz");
        InputException e = assertThrows(InputException.class, () -> {
            Files.writeString(notGzip, "1 0 0 1\n");
            EventSource.open(notGzip);
        });
        assertTrue(e.getMessage().startsWith(notGzip + ": cannot read: "), e.getMessage());
    }
}
