package org.jetbridge.io;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jetbridge.core.Event;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Particle;

/**
 * Reads HepMC3 ASCII event files ({@code HepMC::Asciiv3}), one event at a time, keeping the final-state (status 1)
 * particles. Momenta are converted to GeV (U line: GEV or MEV) and positions to mm (MM or CM; GeV and mm when an
 * event has no U line). Run-information lines (T, N, W and A before the first event) and event attributes (A lines)
 * are skipped; the event weights (W) are kept.
 *
 * <p>A particle's production position is that of its production vertex (the V line's {@code @ x y z t}); a vertex
 * without a position of its own sits where its first incoming particle with a production vertex was produced, as in
 * HepMC3; when no ancestor has a position, the event position of the E line (or the origin) is used. A P line whose
 * parent field is a positive particle id has the implicit single-parent vertex of HepMC3.
 *
 * <p>Checked: the declared particle count of every E line (a truncated file fails), references to vertices and
 * particles, finite numbers, and E ≥ |p| for final-state particles (relative 1e-6). HepMC2 files are refused with
 * a message saying so.
 */
public final class HepMC3Reader extends LookaheadEventSource {
    private static final String START = "HepMC::Asciiv3-START_EVENT_LISTING";
    private static final String END = "HepMC::Asciiv3-END_EVENT_LISTING";
    private static final String[] P_FIELDS = {"id", "parent", "PDG id", "px", "py", "pz", "E", "mass", "status"};

    private boolean inListing;
    private HepMC3Event lastRecord;

    // ------------------------------------------------ the event being read (arrays reused between events)
    private long eventNumber;
    private long eventLine;
    private int declaredParticles;
    private int declaredVertices;
    private int particleCount;
    private int vertexCount;
    private double momentumFactor;
    private double lengthFactor;
    private final double[] eventPosition = new double[4];
    private double[] weights;
    private boolean sawVertexOrParticle;

    private int[] pParent = new int[64];
    private int[] pPdg = new int[64];
    private int[] pStatus = new int[64];
    private double[] pMomentum = new double[5 * 64];
    private long[] pLine = new long[64];
    private byte[] pState = new byte[64];
    private double[] pPosition = new double[4 * 64];

    private boolean[] vDefined = new boolean[16];
    private boolean[] vHasPosition = new boolean[16];
    private double[] vPosition = new double[4 * 16];
    private int[][] vIncoming = new int[16][];
    private long[] vLine = new long[16];

    public HepMC3Reader(BufferedReader reader, String name) {
        super(reader, name, EventFormat.HEPMC3, "expected " + START + " followed by E lines");
    }

    /** Opens a HepMC3 ASCII file (a {@code .gz} name is decompressed). */
    public static HepMC3Reader open(Path file) {
        return (HepMC3Reader) EventSource.open(file, EventFormat.HEPMC3);
    }

    /**
     * The next event with its HepMC3 information (number, weights, ids, production positions); null at the end.
     * Mixing this with {@link #next()} is allowed: both advance the same stream.
     */
    public HepMC3Event nextRecord() {
        if (!hasNext()) {
            return null;
        }
        next();
        return lastRecord;
    }

    @Override
    protected Event readEvent() {
        boolean inEvent = false;
        for (String line = lines.next(); line != null; line = lines.next()) {
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("HepMC::")) {
                if (t.startsWith(START)) {
                    inListing = true;
                } else if (t.startsWith(END)) {
                    if (!inListing) {
                        throw lines.error(END + " without " + START);
                    }
                    inListing = false;
                    if (inEvent) {
                        return finishEvent();
                    }
                } else if (t.startsWith("HepMC::IO_GenEvent") || t.startsWith("HepMC::Asciiv2")) {
                    throw lines.error("this is HepMC2 ASCII; only HepMC3 (" + START + ") is read");
                } else if (!t.startsWith("HepMC::Version")) {
                    throw lines.error("unexpected '" + firstWord(t) + "', expected " + START);
                }
                continue;
            }
            if (!inListing) {
                throw lines.error("expected " + START + " before event data, got '" + firstWord(t) + "'");
            }
            char kind = t.charAt(0);
            if (t.length() > 1 && !Character.isWhitespace(t.charAt(1))) {
                throw unexpected(t);
            }
            if (kind == 'E') {
                if (inEvent) {
                    lines.pushBack(line);
                    return finishEvent();
                }
                startEvent(t);
                inEvent = true;
                continue;
            }
            if (!inEvent) {
                // run information before the first event
                if (kind == 'T' || kind == 'N' || kind == 'W' || kind == 'A') {
                    continue;
                }
                if (kind == 'U' || kind == 'V' || kind == 'P') {
                    throw lines.error(kind + " line before the first E line");
                }
                throw unexpected(t);
            }
            switch (kind) {
                case 'U' -> readUnits(t);
                case 'W' -> readWeights(t);
                case 'V' -> readVertex(t);
                case 'P' -> readParticle(t);
                case 'A', 'T', 'N', 'C', 'H', 'F' -> {
                    // attributes and legacy cross-section / heavy-ion / PDF lines carry nothing we use
                }
                default -> throw unexpected(t);
            }
        }
        if (inEvent) {
            return finishEvent();
        }
        return null;
    }

    private InputException unexpected(String t) {
        return lines.error("unexpected line starting with '" + firstWord(t)
                + "' (expected a HepMC3 E, U, W, A, V or P line)");
    }

    private static String firstWord(String t) {
        int sp = 0;
        while (sp < t.length() && !Character.isWhitespace(t.charAt(sp)) && sp < 40) {
            sp++;
        }
        return t.substring(0, sp);
    }

    private void startEvent(String t) {
        int n = lines.tokenize(t);
        if (n != 4 && n != 9) {
            throw lines.error("expected 'E number vertices particles [@ x y z t]', got " + (n - 1) + " fields");
        }
        eventNumber = lines.longInteger(1, "the event number");
        declaredVertices = lines.integer(2, "the vertex count");
        declaredParticles = lines.integer(3, "the particle count");
        if (declaredVertices < 0 || declaredParticles < 0) {
            throw lines.error("negative vertex or particle count");
        }
        Arrays.fill(eventPosition, 0.0);
        if (n == 9) {
            if (!"@".equals(lines.token(4))) {
                throw lines.error("expected '@' before the event position, got '" + lines.token(4) + "'");
            }
            for (int k = 0; k < 4; k++) {
                eventPosition[k] = lines.finiteDouble(5 + k, "the event position");
            }
        }
        eventLine = lines.lineNumber();
        particleCount = 0;
        vertexCount = 0;
        momentumFactor = 1.0;
        lengthFactor = 1.0;
        weights = new double[0];
        sawVertexOrParticle = false;
        ensureParticles(Math.min(declaredParticles, 1 << 20) + 1);
        Arrays.fill(pState, 0, Math.min(pState.length, declaredParticles + 1), (byte) 0);
        Arrays.fill(pParent, 0, Math.min(pParent.length, declaredParticles + 1), 0);
        int nv = Math.min(vDefined.length, declaredVertices + 1);
        Arrays.fill(vDefined, 0, nv, false);
    }

    private void readUnits(String t) {
        if (sawVertexOrParticle) {
            throw lines.error("U line after V or P lines; units must come first in an event");
        }
        int n = lines.tokenize(t);
        if (n != 3) {
            throw lines.error("expected 'U momentum-unit length-unit', e.g. 'U GEV MM'");
        }
        momentumFactor = switch (lines.token(1).toUpperCase(java.util.Locale.ROOT)) {
            case "GEV" -> 1.0;
            case "MEV" -> 1e-3;
            default -> throw lines.error("unknown momentum unit '" + lines.token(1) + "' (expected GEV or MEV)");
        };
        lengthFactor = switch (lines.token(2).toUpperCase(java.util.Locale.ROOT)) {
            case "MM" -> 1.0;
            case "CM" -> 10.0;
            default -> throw lines.error("unknown length unit '" + lines.token(2) + "' (expected MM or CM)");
        };
    }

    private void readWeights(String t) {
        int n = lines.tokenize(t);
        weights = new double[n - 1];
        for (int k = 1; k < n; k++) {
            weights[k - 1] = lines.anyDouble(k, "weight " + k);
        }
    }

    private void readVertex(String t) {
        sawVertexOrParticle = true;
        int open = t.indexOf('[');
        int close = t.indexOf(']');
        if (open < 0 || close < open) {
            throw lines.error("expected 'V id status [incoming ids] [@ x y z t]'");
        }
        int n = lines.tokenize(t.substring(0, open));
        if (n != 3) {
            throw lines.error("expected 'V id status [incoming ids] [@ x y z t]'");
        }
        int id = lines.integer(1, "the vertex id");
        if (id >= 0 || -id > declaredVertices) {
            throw lines.error("vertex id " + id + " outside -1 … -" + declaredVertices + " (from the E line)");
        }
        int v = -id;
        ensureVertices(v + 1);
        if (vDefined[v]) {
            throw lines.error("vertex " + id + " defined twice");
        }
        String list = t.substring(open + 1, close).strip();
        int[] incoming;
        if (list.isEmpty()) {
            incoming = new int[0];
        } else {
            String[] parts = list.split("\\s*,\\s*");
            incoming = new int[parts.length];
            for (int k = 0; k < parts.length; k++) {
                try {
                    incoming[k] = Integer.parseInt(parts[k].strip());
                } catch (NumberFormatException e) {
                    throw lines.error("expected particle ids in [" + list + "], got '" + parts[k] + "'");
                }
                if (incoming[k] < 1 || incoming[k] > declaredParticles) {
                    throw lines.error("incoming particle " + incoming[k] + " outside 1 … " + declaredParticles);
                }
            }
        }
        boolean hasPosition = false;
        int m = lines.tokenize(t.substring(close + 1));
        if (m != 0) {
            if (m != 5 || !"@".equals(lines.token(0))) {
                throw lines.error("expected '@ x y z t' after the incoming particles of vertex " + id);
            }
            for (int k = 0; k < 4; k++) {
                double x = lines.finiteDouble(1 + k, "the vertex position") * lengthFactor;
                vPosition[4 * v + k] = x;
                hasPosition |= x != 0.0;
            }
        }
        // HepMC3 treats an all-zero position as "not set": such a vertex inherits from its ancestors
        vHasPosition[v] = hasPosition;
        vIncoming[v] = incoming;
        vDefined[v] = true;
        vLine[v] = lines.lineNumber();
        vertexCount++;
    }

    private void readParticle(String t) {
        sawVertexOrParticle = true;
        int n = lines.tokenize(t);
        if (n != 10) {
            throw lines.error("expected 'P id parent pdg px py pz E mass status' (9 fields), got " + (n - 1));
        }
        int id = lines.integer(1, P_FIELDS[0]);
        if (id < 1 || id > declaredParticles) {
            throw lines.error("particle id " + id + " outside 1 … " + declaredParticles + " (from the E line)");
        }
        ensureParticles(id + 1);
        if (pState[id] != 0) {
            throw lines.error("particle " + id + " defined twice");
        }
        int parent = lines.integer(2, P_FIELDS[1]);
        int pdg = lines.integer(3, P_FIELDS[2]);
        for (int k = 0; k < 5; k++) {
            pMomentum[5 * id + k] = lines.finiteDouble(4 + k, P_FIELDS[3 + k]) * momentumFactor;
        }
        int status = lines.integer(9, P_FIELDS[8]);
        if (status == 1) {
            int b = 5 * id;
            String problem = MomentumCheck.problem(pMomentum[b], pMomentum[b + 1], pMomentum[b + 2], pMomentum[b + 3]);
            if (problem != null) {
                throw lines.error(problem);
            }
        }
        pParent[id] = parent;
        pPdg[id] = pdg;
        pStatus[id] = status;
        pLine[id] = lines.lineNumber();
        pState[id] = 1;
        particleCount++;
    }

    private Event finishEvent() {
        if (particleCount != declaredParticles) {
            throw new InputException(lines.name(), eventLine, "event " + eventNumber + " declares " + declaredParticles
                    + " particles but has " + particleCount + " P lines (truncated file?)");
        }
        if (vertexCount > declaredVertices) {
            throw new InputException(lines.name(), eventLine, "event " + eventNumber + " declares " + declaredVertices
                    + " vertices but has " + vertexCount + " V lines");
        }
        for (int v = 1; v <= declaredVertices && v < vDefined.length; v++) {
            if (vDefined[v]) {
                for (int in : vIncoming[v]) {
                    if (pState[in] == 0) {
                        throw new InputException(lines.name(), vLine[v], "vertex -" + v + " has incoming particle "
                                + in + ", which has no P line in event " + eventNumber);
                    }
                }
            }
        }
        for (int k = 0; k < 4; k++) {
            eventPosition[k] *= lengthFactor;
        }
        List<Particle> particles = new ArrayList<>();
        int finalCount = 0;
        for (int id = 1; id <= declaredParticles; id++) {
            if (pStatus[id] == 1) {
                finalCount++;
            }
        }
        int[] ids = new int[finalCount];
        int[] parents = new int[finalCount];
        double[] positions = new double[4 * finalCount];
        int f = 0;
        for (int id = 1; id <= declaredParticles; id++) {
            if (pStatus[id] != 1) {
                continue;
            }
            int b = 5 * id;
            FourMomentum p = new FourMomentum(pMomentum[b], pMomentum[b + 1], pMomentum[b + 2], pMomentum[b + 3]);
            particles.add(new Particle(p, pPdg[id], PdgCharge.charge(pPdg[id]), Particle.HARD_SCATTER));
            resolveProduction(id);
            System.arraycopy(pPosition, 4 * id, positions, 4 * f, 4);
            parents[f] = pParent[id];
            ids[f++] = id;
        }
        Event event = new Event(particles);
        lastRecord = new HepMC3Event(eventNumber, event, weights, ids, parents, positions);
        return event;
    }

    /** Fills pPosition[4 id …] with particle id's production point (state 1: read, 2: resolving, 3: resolved). */
    private void resolveProduction(int id) {
        if (pState[id] == 3) {
            return;
        }
        if (pState[id] == 2) {
            throw new InputException(lines.name(), pLine[id], "particle " + id + " is its own ancestor in event "
                    + eventNumber);
        }
        pState[id] = 2;
        int parent = pParent[id];
        double[] from = eventPosition;
        int offset = 0;
        if (parent > 0) {
            if (parent > declaredParticles || pState[parent] == 0) {
                throw new InputException(lines.name(), pLine[id], "particle " + id + " has parent particle " + parent
                        + ", which has no P line in event " + eventNumber);
            }
            resolveProduction(parent);
            from = pPosition;
            offset = 4 * parent;
        } else if (parent < 0) {
            int v = -parent;
            if (v > declaredVertices || v >= vDefined.length || !vDefined[v]) {
                throw new InputException(lines.name(), pLine[id], "particle " + id + " comes from vertex " + parent
                        + ", which has no V line in event " + eventNumber);
            }
            if (vHasPosition[v]) {
                from = vPosition;
                offset = 4 * v;
            } else {
                for (int in : vIncoming[v]) {
                    if (pParent[in] != 0) {
                        resolveProduction(in);
                        from = pPosition;
                        offset = 4 * in;
                        break;
                    }
                }
            }
        }
        System.arraycopy(from, offset, pPosition, 4 * id, 4);
        pState[id] = 3;
    }

    private void ensureParticles(int n) {
        if (n <= pParent.length) {
            return;
        }
        int c = Math.max(n, 2 * pParent.length);
        pParent = Arrays.copyOf(pParent, c);
        pPdg = Arrays.copyOf(pPdg, c);
        pStatus = Arrays.copyOf(pStatus, c);
        pMomentum = Arrays.copyOf(pMomentum, 5 * c);
        pLine = Arrays.copyOf(pLine, c);
        pState = Arrays.copyOf(pState, c);
        pPosition = Arrays.copyOf(pPosition, 4 * c);
    }

    private void ensureVertices(int n) {
        if (n <= vDefined.length) {
            return;
        }
        int c = Math.max(n, 2 * vDefined.length);
        vDefined = Arrays.copyOf(vDefined, c);
        vHasPosition = Arrays.copyOf(vHasPosition, c);
        vPosition = Arrays.copyOf(vPosition, 4 * c);
        vIncoming = Arrays.copyOf(vIncoming, c);
        vLine = Arrays.copyOf(vLine, c);
    }
}
