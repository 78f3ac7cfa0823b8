package org.jetbridge.io;

import java.util.List;
import org.jetbridge.core.Jet;

/** A table written one event's jets at a time, one row per jet (the jets and observables CSV tables). */
public interface JetRowWriter {
    /** Writes the jets of event {@code event}, numbering them 0, 1, … in list order. */
    void write(long event, List<Jet> jets);

    /** Number of jet rows written. */
    long rows();
}
