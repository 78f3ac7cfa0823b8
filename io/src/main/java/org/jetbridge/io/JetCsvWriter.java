package org.jetbridge.io;

import java.util.List;
import org.jetbridge.core.Jet;

/**
 * The jets table: one row per jet, columns {@link #COLUMNS} — event index, jet index within the event (in the
 * order given, normally decreasing pT), pT (GeV), rapidity, azimuth φ in (−π, π], signed mass (GeV) and number of
 * constituents.
 */
public final class JetCsvWriter implements JetRowWriter {
    public static final List<String> COLUMNS = List.of("event", "jet", "pt", "rapidity", "phi", "mass",
            "n_constituents");

    private final CsvWriter csv;

    public JetCsvWriter(AtomicOutput output) {
        this.csv = new CsvWriter(output, COLUMNS);
    }

    /** Writes the jets of one event, numbering them 0, 1, … in list order. */
    @Override
    public void write(long event, List<Jet> jets) {
        for (int j = 0; j < jets.size(); j++) {
            cells(csv, event, j, jets.get(j));
            csv.endRow();
        }
    }

    /** The {@link #COLUMNS} cells of one jet, at the start of a row of any table that begins with them. */
    static void cells(CsvWriter csv, long event, int index, Jet jet) {
        csv.value(event).value(index).value(jet.pt()).value(jet.rapidity()).value(jet.phi()).value(jet.m())
                .value(jet.constituentCount());
    }

    /** Number of jet rows written. */
    @Override
    public long rows() {
        return csv.rows();
    }
}
