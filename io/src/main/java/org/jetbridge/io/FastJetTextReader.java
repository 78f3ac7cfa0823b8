package org.jetbridge.io;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jetbridge.core.Event;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Particle;

/**
 * Reads FastJet's plain text events (GeV), one event at a time. One particle per line, its first four numbers
 * px py pz E (further columns are ignored); a line starting with {@code #END}, or a blank line, ends an event and
 * the end of the input ends the last one; a {@code #SUBSTART} line starts a new pile-up sub-event inside the same
 * event; any other line starting with {@code #} is a comment. Events without particles are not counted.
 *
 * <p>Each particle's {@link Particle#vertex()} is the index of its sub-event (0 for the first, which is the hard
 * scatter in FastJet's pile-up example files; a leading {@code #SUBSTART} opens sub-event 0). PDG id and charge
 * are not in the format: they are 0. Every number must be finite and E ≥ |p| (to a relative 1e-6, for rounding);
 * otherwise {@link InputException} names the file and line.
 */
public final class FastJetTextReader extends LookaheadEventSource {
    private static final String[] COMPONENTS = {"px", "py", "pz", "E"};

    public FastJetTextReader(BufferedReader reader, String name) {
        super(reader, name, EventFormat.FASTJET_DAT, "expected lines of px py pz E");
    }

    /** Opens a FastJet text file (a {@code .gz} name is decompressed). */
    public static FastJetTextReader open(Path file) {
        return (FastJetTextReader) EventSource.open(file, EventFormat.FASTJET_DAT);
    }

    @Override
    protected Event readEvent() {
        List<Particle> particles = new ArrayList<>();
        // -1 until the event's first sub-event is opened, by #SUBSTART or by a particle line
        int subEvent = -1;
        for (String line = lines.next(); line != null; line = lines.next()) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#END")) {
                if (!particles.isEmpty()) {
                    return new Event(particles);
                }
                subEvent = -1;
                continue;
            }
            if (t.charAt(0) == '#') {
                if (t.startsWith("#SUBSTART")) {
                    subEvent++;
                }
                continue;
            }
            if (subEvent < 0) {
                subEvent = 0;
            }
            particles.add(new Particle(parseMomentum(t), 0, 0, subEvent));
        }
        return particles.isEmpty() ? null : new Event(particles);
    }

    private FourMomentum parseMomentum(String line) {
        int n = lines.tokenize(line);
        if (n < 4) {
            throw lines.error("expected 4 numbers (px py pz E), got " + n);
        }
        double[] v = new double[4];
        for (int k = 0; k < 4; k++) {
            v[k] = lines.finiteDouble(k, COMPONENTS[k]);
        }
        String problem = MomentumCheck.problem(v[0], v[1], v[2], v[3]);
        if (problem != null) {
            throw lines.error(problem);
        }
        return new FourMomentum(v[0], v[1], v[2], v[3]);
    }
}
