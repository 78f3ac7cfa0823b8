package org.jetbridge.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jetbridge.core.Jet;
import org.jetbridge.core.substructure.JetContext;
import org.jetbridge.core.substructure.Observable;

/**
 * The observables table: one row per jet, the {@link JetCsvWriter#COLUMNS} (event, jet, pT in GeV, rapidity, φ,
 * signed mass in GeV, constituent count) followed by one column per observable, named by
 * {@link Observable#name()} and in its unit. Each jet is evaluated through one {@link JetContext}, so the
 * observables share its reclusterings.
 */
public final class ObservableCsvWriter implements JetRowWriter {
    private final CsvWriter csv;
    private final List<Observable> observables;

    /**
     * Writes the header at once. Observable names must be unique and differ from the jet columns (an observable
     * {@code pt} or {@code mass} would repeat a column: leave it out).
     */
    public ObservableCsvWriter(AtomicOutput output, List<? extends Observable> observables) {
        this.observables = List.copyOf(observables);
        List<String> columns = new ArrayList<>(JetCsvWriter.COLUMNS);
        Set<String> seen = new HashSet<>(columns);
        for (Observable o : this.observables) {
            if (!seen.add(o.name())) {
                throw new IllegalArgumentException(output.name() + ": column " + o.name() + " would appear twice");
            }
            columns.add(o.name());
        }
        this.csv = new CsvWriter(output, columns);
    }

    /** Writes the jets of one event, numbering them 0, 1, … in list order. */
    @Override
    public void write(long event, List<Jet> jets) {
        for (int j = 0; j < jets.size(); j++) {
            Jet jet = jets.get(j);
            JetCsvWriter.cells(csv, event, j, jet);
            JetContext ctx = JetContext.of(jet);
            for (Observable o : observables) {
                csv.value(o.value(ctx));
            }
            csv.endRow();
        }
    }

    /** Number of jet rows written. */
    @Override
    public long rows() {
        return csv.rows();
    }
}
