package org.jetbridge.io;

import java.util.Locale;

/** The text event formats jetbridge reads, with the names users give them on the command line. */
public enum EventFormat {
    /** FastJet's plain text events: px py pz E per line, {@code #END} or a blank line between events. */
    FASTJET_DAT("fastjet-dat"),
    /** HepMC3 ASCII ({@code HepMC::Asciiv3}); the final-state (status 1) particles of each event. */
    HEPMC3("hepmc3");

    private final String cliName;

    EventFormat(String cliName) {
        this.cliName = cliName;
    }

    /** The user-facing name ({@code fastjet-dat}, {@code hepmc3}). */
    public String cliName() {
        return cliName;
    }

    @Override
    public String toString() {
        return cliName;
    }

    /** The format of a user-facing name; throws IllegalArgumentException listing the known names. */
    public static EventFormat fromName(String name) {
        for (EventFormat f : values()) {
            if (f.cliName.equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown event format '" + name + "' (expected fastjet-dat or hepmc3)");
    }

    /**
     * The format a file name implies ({@code .dat}, {@code .txt} → FastJet; {@code .hepmc}, {@code .hepmc3} →
     * HepMC3), looking through a trailing {@code .gz}; null when the extension says nothing.
     */
    public static EventFormat fromFileName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        if (n.endsWith(".hepmc") || n.endsWith(".hepmc3")) {
            return HEPMC3;
        }
        if (n.endsWith(".dat") || n.endsWith(".txt")) {
            return FASTJET_DAT;
        }
        return null;
    }

    /** The format of an input whose first non-blank line is given: HepMC3 when it starts with "HepMC::". */
    static EventFormat sniff(String firstNonBlankLine) {
        return firstNonBlankLine != null && firstNonBlankLine.strip().startsWith("HepMC::") ? HEPMC3 : FASTJET_DAT;
    }
}
