package org.jetbridge.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.jetbridge.core.substructure.JetContext;
import org.jetbridge.core.substructure.Observable;
import org.jetbridge.core.substructure.Observables;
import org.junit.jupiter.api.Test;

class ObservableCsvWriterTest {
    private static Jet twoProngs(double pt, double dphi) {
        return Jet.of(List.of(FourMomentum.fromPtYPhiM(pt, 0, 0, 0), FourMomentum.fromPtYPhiM(pt, 0, dphi, 0)));
    }

    @Test
    void jetColumnsThenOneColumnPerObservableEvaluatedOnOneContextPerJet() {
        List<JetContext> contexts = new ArrayList<>();
        Observable first = Observables.of("first", c -> {
            contexts.add(c);
            return c.size();
        });
        Observable second = Observables.of("second", c -> {
            contexts.add(c);
            return c.energyCorrelators(1.0).ecf2();
        });
        StringWriter sink = new StringWriter();
        ObservableCsvWriter w = new ObservableCsvWriter(AtomicOutput.toWriter(sink, "t.csv"), List.of(first, second));
        Jet a = twoProngs(100, 0.5);
        Jet b = twoProngs(30, 0.2);
        w.write(7, List.of(a, b));
        assertEquals(2, w.rows());
        String[] lines = sink.toString().split("\n");
        assertEquals("event,jet,pt,rapidity,phi,mass,n_constituents,first,second", lines[0]);
        // ECF(2, beta = 1) of two massless prongs of pT p at distance d is p^2 d
        assertEquals("7,0," + a.pt() + "," + a.rapidity() + "," + a.phi() + "," + a.m() + ",2,2.0,",
                lines[1].substring(0, lines[1].lastIndexOf(',') + 1));
        assertEquals(100.0 * 100.0 * 0.5, Double.parseDouble(lines[1].split(",")[8]), 1e-9);
        assertEquals("7,1," + b.pt() + "," + b.rapidity() + "," + b.phi() + "," + b.m() + ",2,2.0,"
                + Observables.of("x", c -> c.energyCorrelators(1.0).ecf2()).value(b), lines[2]);
        assertEquals(4, contexts.size());
        assertSame(contexts.get(0), contexts.get(1));
        assertSame(contexts.get(2), contexts.get(3));
        assertSame(a, contexts.get(0).jet());
        assertSame(b, contexts.get(2).jet());
    }

    @Test
    void aColumnNameTwiceIsRejected() {
        AtomicOutput out = AtomicOutput.toWriter(new StringWriter(), "t.csv");
        Observable mass = Observables.standard().get(0);
        assertEquals("mass", mass.name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ObservableCsvWriter(out, List.of(mass)));
        assertEquals("t.csv: column mass would appear twice", e.getMessage());
        Observable tau = Observables.of("tau21", c -> 0);
        assertThrows(IllegalArgumentException.class, () -> new ObservableCsvWriter(out, List.of(tau, tau)));
    }
}
