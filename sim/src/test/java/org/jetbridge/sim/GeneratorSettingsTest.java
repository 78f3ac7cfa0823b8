package org.jetbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Presets, key=value overrides and the validation messages users see. */
class GeneratorSettingsTest {

    @Test
    void dataPresetDiffersFromNominalExactlyWhereTheSpecSays() {
        Map<String, String> n = GeneratorSettings.nominal().toMap();
        Map<String, String> d = GeneratorSettings.data().toMap();
        assertEquals(n.keySet(), d.keySet());
        List<String> changed = new ArrayList<>();
        for (String k : n.keySet()) {
            if (!n.get(k).equals(d.get(k))) {
                changed.add(k);
            }
        }
        assertEquals(List.of("preset", "shower.muR", "detector.trackEfficiencyBarrel",
                "detector.trackEfficiencyEndcap", "detector.trackEfficiencyLowPt", "detector.extraD0Core",
                "detector.extraD0Wide", "detector.extraD0WideFraction"), changed);
        GeneratorSettings s = GeneratorSettings.data();
        assertEquals(2.0, s.shower().muR());
        assertEquals(0.95, s.detector().trackEfficiencyBarrel(), 1e-12);
        assertEquals(0.83, s.detector().trackEfficiencyEndcap(), 1e-12);
        assertEquals(0.010, s.detector().extraD0Core());
        assertEquals(0.050, s.detector().extraD0Wide());
        assertEquals(0.05, s.detector().extraD0WideFraction());
        assertEquals("data", GeneratorSettings.preset("data").preset());
    }

    @Test
    void overridesReachEveryKindOfParameterAndTheMapRoundTrips() {
        GeneratorSettings s = GeneratorSettings.nominal().withAll(List.of("shower.muR=2", "detector.trackEfficiencyBarrel=0.95",
                "detector.particleLevel=true", "pileup.mode=gaussian_mu", "pileup.mu=200"));
        assertEquals(2.0, s.shower().muR());
        assertEquals(0.95, s.detector().trackEfficiencyBarrel());
        assertTrue(s.detector().particleLevel());
        assertEquals(PileupParameters.Mode.GAUSSIAN_MU, s.pileup().mode());
        assertEquals(200.0, s.pileup().mu());
        // applying every resolved value to the nominal preset reproduces the settings
        GeneratorSettings r = GeneratorSettings.nominal();
        for (Map.Entry<String, String> e : s.toMap().entrySet()) {
            if (!e.getKey().equals("preset")) {
                r = r.with(e.getKey(), e.getValue());
            }
        }
        assertEquals(s.toMap(), r.toMap());
        assertEquals(s.shower(), r.shower());
        assertEquals("preset", s.toMap().keySet().iterator().next());
        assertTrue(s.toMap().size() > 80, "all knobs are listed: " + s.toMap().size());
    }

    private static String error(String key, String value) {
        return assertThrows(IllegalArgumentException.class, () -> GeneratorSettings.nominal().with(key, value))
                .getMessage();
    }

    @Test
    void badOverridesFailWithOneLineMessagesNamingTheKey() {
        assertEquals("unknown parameter 'shower.mur'; known in group shower: alphaSMz, muR, q0, massB, massC, "
                + "angularOrdering, deadCone", error("shower.mur", "2"));
        assertTrue(error("showr.muR", "2").startsWith("unknown parameter group 'showr'"));
        assertTrue(error("muR", "2").startsWith("unknown parameter 'muR'"));
        assertEquals("shower.muR must be finite and >= 0, got -1", error("shower.muR", "-1"));
        assertEquals("shower.muR must be finite and >= 0, got NaN", error("shower.muR", "NaN"));
        assertEquals("shower.muR must be finite and >= 0, got Infinity", error("shower.muR", "Infinity"));
        assertEquals("shower.muR: expected a number, got 'two'", error("shower.muR", "two"));
        assertEquals("shower.muR must be finite and > 0, got 0.0", error("shower.muR", "0"));
        assertEquals("detector.trackEfficiencyBarrel must be in [0, 1], got 1.5",
                error("detector.trackEfficiencyBarrel", "1.5"));
        assertEquals("detector.particleLevel must be true or false, got 'yes'", error("detector.particleLevel", "yes"));
        assertTrue(error("pileup.mode", "often").startsWith("pileup.mode must be one of [POISSON, FIXED, GAUSSIAN_MU]"));
        assertTrue(error("process.flavourPtMax", "10").contains("flavourPtMin (30.0) must be < flavourPtMax (10.0)"));
        String bad = assertThrows(IllegalArgumentException.class,
                () -> GeneratorSettings.nominal().withAll(List.of("shower.muR"))).getMessage();
        assertEquals("parameter override 'shower.muR': expected key=value", bad);
        String preset = assertThrows(IllegalArgumentException.class, () -> GeneratorSettings.preset("mc")).getMessage();
        assertEquals("unknown preset 'mc', expected one of [nominal, data]", preset);
        for (String m : List.of(error("shower.muR", "-1"), preset, bad)) {
            assertFalse(m.contains("\n"), "one line: " + m);
        }
    }
}
