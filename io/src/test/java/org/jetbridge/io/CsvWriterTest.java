package org.jetbridge.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.junit.jupiter.api.Test;

class CsvWriterTest {
    @Test
    void numbersRoundTripExactlyWhateverTheLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            StringWriter w = new StringWriter();
            CsvWriter csv = new CsvWriter(w, "t.csv", List.of("a", "b", "c"));
            double third = 1.0 / 3.0;
            double tiny = -1.2345678901234567e-300;
            csv.value(third).value(tiny).value(42L).endRow();
            String[] lines = w.toString().split("\n");
            assertEquals("a,b,c", lines[0]);
            String[] cells = lines[1].split(",");
            assertEquals(third, Double.parseDouble(cells[0]));
            assertEquals(tiny, Double.parseDouble(cells[1]));
            assertEquals("42", cells[2]);
            assertEquals(1, csv.rows());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void textIsQuotedWhenNeededAndRowsMustBeComplete() {
        StringWriter w = new StringWriter();
        CsvWriter csv = new CsvWriter(w, "t.csv", List.of("name", "note"));
        csv.text("plain").text("a, \"quoted\" note").endRow();
        assertEquals("name,note\nplain,\"a, \"\"quoted\"\" note\"\n", w.toString());
        csv.text("only one");
        assertThrows(IllegalStateException.class, csv::endRow);
        csv.text("two");
        assertThrows(IllegalStateException.class, () -> csv.text("three"));
    }

    @Test
    void jetRowsCarryTheJetKinematics() {
        StringWriter w = new StringWriter();
        try (AtomicOutput out = AtomicOutput.toWriter(w, "jets")) {
            JetCsvWriter jets = new JetCsvWriter(out);
            // a tachyonic sum (m² < 0) must keep its sign; phi of (-1, -0) direction must be in (−π, π]
            FourMomentum a = FourMomentum.fromPtYPhiM(50, 0.5, 3.0, 10);
            FourMomentum b = new FourMomentum(-20, -1e-9, 5, 19);
            jets.write(3, List.of(Jet.of(List.of(a, a)), Jet.of(List.of(b))));
            out.commit();
            assertEquals(2, jets.rows());
        }
        String[] lines = w.toString().split("\n");
        assertEquals(String.join(",", JetCsvWriter.COLUMNS), lines[0]);
        String[] r0 = lines[1].split(",");
        assertEquals("3", r0[0]);
        assertEquals("0", r0[1]);
        assertEquals(100.0, Double.parseDouble(r0[2]), 1e-12);
        assertEquals(0.5, Double.parseDouble(r0[3]), 1e-12);
        assertEquals(3.0, Double.parseDouble(r0[4]), 1e-12);
        assertEquals(20.0, Double.parseDouble(r0[5]), 1e-9);
        assertEquals("2", r0[6]);
        String[] r1 = lines[2].split(",");
        assertEquals("1", r1[1]);
        double phi = Double.parseDouble(r1[4]);
        assertEquals(-Math.PI, phi, 1e-9);
        double m2 = 19.0 * 19.0 - 20.0 * 20.0 - 25.0;
        assertEquals(-Math.sqrt(-m2), Double.parseDouble(r1[5]), 1e-9);
    }
}
