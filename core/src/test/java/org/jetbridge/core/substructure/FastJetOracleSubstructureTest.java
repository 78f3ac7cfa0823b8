package org.jetbridge.core.substructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jetbridge.core.ClusterSequence;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.jetbridge.core.JetDefinition;
import org.jetbridge.core.groom.GroomedJet;
import org.jetbridge.core.groom.SoftDrop;
import org.jetbridge.core.testing.FastJetOracle;
import org.jetbridge.core.testing.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * Against FastJet itself (oracle/substructure_splitting.cc) on jets the golden tables do not cover: kt splitting
 * scales (FastJet's exclusive_dmerge with R = 1000, times R²) and SoftDrop at settings with R0 ≠ 1 and
 * non-integer β, declustering FastJet's own C/A tree, on anti-kt R = 0.6 jets of random LHC-like events.
 */
class FastJetOracleSubstructureTest {
    private static final List<SoftDrop> SETTINGS = List.of(new SoftDrop(0.5, 0.2, 0.4), new SoftDrop(1.5, 0.15, 0.6),
            new SoftDrop(0, 0.05, 1.0));

    @Test
    void splittingScalesAndSoftDropMatchFastJet() {
        Path exe = FastJetOracle.compile("substructure_splitting");
        List<List<FourMomentum>> jets = new ArrayList<>();
        for (int ev = 0; ev < 6; ev++) {
            List<FourMomentum> particles = TestEvents.lhcLike(1500, 100 + ev);
            for (Jet j : new ClusterSequence(particles, JetDefinition.antiKt(0.6)).inclusiveJets(20.0)) {
                jets.add(j.constituents());
            }
        }
        // include tiny jets: 1, 2 and 3 constituents
        jets.add(jets.get(0).subList(0, 1));
        jets.add(jets.get(0).subList(0, 2));
        jets.add(jets.get(1).subList(0, 3));
        String[] args = new String[SETTINGS.size()];
        for (int i = 0; i < args.length; i++) {
            SoftDrop s = SETTINGS.get(i);
            args[i] = s.beta() + "," + s.zcut() + "," + s.r0();
        }
        String[] lines = FastJetOracle.run(exe, TestEvents.format(jets), args).split("\n");
        assertEquals(jets.size(), lines.length, "one oracle line per jet");
        assertTrue(jets.size() > 20, "enough jets: " + jets.size());
        int found = 0;
        for (int k = 0; k < jets.size(); k++) {
            String[] f = lines[k].trim().split("\\s+");
            JetContext ctx = JetContext.of(Jet.of(jets.get(k)));
            String what = "jet " + k + " (" + ctx.size() + " constituents)";
            close(Double.parseDouble(f[0]), SplittingScales.sqrtD(ctx, 1), what + " sqrt_d12");
            close(Double.parseDouble(f[1]), SplittingScales.sqrtD(ctx, 2), what + " sqrt_d23");
            for (int s = 0; s < SETTINGS.size(); s++) {
                GroomedJet g = ctx.groomed(SETTINGS.get(s));
                String w = what + " " + SETTINGS.get(s).name();
                close(Double.parseDouble(f[2 + 4 * s]), g.jet().pt(), w + " pt");
                close(Double.parseDouble(f[3 + 4 * s]), g.jet().m(), w + " mass");
                close(Double.parseDouble(f[4 + 4 * s]), g.zg(), w + " zg");
                close(Double.parseDouble(f[5 + 4 * s]), g.rg(), w + " rg");
                found += g.foundSplitting() ? 1 : 0;
            }
        }
        // the settings must exercise both outcomes
        assertTrue(found > 0 && found < jets.size() * SETTINGS.size(), "passing splittings: " + found);
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-10 * Math.abs(expected) + 1e-9, what);
    }
}
