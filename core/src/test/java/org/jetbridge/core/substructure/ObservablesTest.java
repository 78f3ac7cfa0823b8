package org.jetbridge.core.substructure;

import static org.jetbridge.core.substructure.NSubjettinessTest.massless;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.jetbridge.core.groom.SoftDrop;
import org.jetbridge.core.testing.TestEvents;
import org.junit.jupiter.api.Test;

/** The registry: stable names, one shared context, values identical to the direct calls. */
class ObservablesTest {

    @Test
    void standardNamesAreTheDocumentedOnes() {
        assertEquals(List.of("mass", "pt", "tau1_kt", "tau2_kt", "tau3_kt", "tau1_wta", "tau2_wta", "tau3_wta",
                "tau21", "tau32", "d2_beta1", "d2_beta2", "ecf1", "ecf2_beta1", "ecf3_beta1", "e2_beta1", "e3_beta1",
                "sqrt_d12", "sqrt_d23"), Observables.names(Observables.standard()));
    }

    @Test
    void groomedNamesMatchTheReferenceColumns() {
        assertEquals(List.of("sd_b0_z0p1_pt", "sd_b0_z0p1_mass", "sd_b0_z0p1_zg", "sd_b0_z0p1_rg"),
                Observables.names(Observables.groomed(new SoftDrop(0, 0.1))));
        assertEquals(19 + 12, Observables.standardWith(Observables.referenceSoftDrops()).size());
        assertThrows(IllegalArgumentException.class,
                () -> Observables.standardWith(List.of(new SoftDrop(1, 0.1), new SoftDrop(1.0, 0.1))));
        assertThrows(IllegalArgumentException.class, () -> Observables.of("Tau21", c -> 0));
    }

    @Test
    void selectsByNameAndNamesUnknownOnes() {
        List<Observable> all = Observables.standardWith(Observables.referenceSoftDrops());
        assertEquals(List.of("sd_b2_z0p05_rg", "tau21"),
                Observables.names(Observables.select(all, List.of("sd_b2_z0p05_rg", "tau21"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Observables.select(all, List.of("tau21", "tau_21")));
        assertTrue(e.getMessage().contains("'tau_21'") && e.getMessage().contains("tau32"), e.getMessage());
    }

    @Test
    void evaluateAgreesWithDirectCallsAndSharesOneContext() {
        List<FourMomentum> ps = TestEvents.lhcLike(300, 11).subList(0, 60);
        Jet jet = Jet.of(ps);
        List<Observable> obs = Observables.standardWith(Observables.referenceSoftDrops());
        double[] v = Observables.evaluate(obs, jet);
        JetContext ctx = JetContext.of(jet);
        assertEquals(NSubjettiness.tau(jet, 2, AxesDefinition.ONEPASS_WTA_KT)
                / NSubjettiness.tau(jet, 1, AxesDefinition.ONEPASS_WTA_KT), v[obs.indexOf(find(obs, "tau21"))]);
        assertEquals(EnergyCorrelators.of(jet, 2.0).d2(), v[obs.indexOf(find(obs, "d2_beta2"))]);
        assertEquals(SplittingScales.sqrtD(jet, 1), v[obs.indexOf(find(obs, "sqrt_d12"))]);
        assertEquals(new SoftDrop(1, 0.1).groom(jet).jet().m(), v[obs.indexOf(find(obs, "sd_b1_z0p1_mass"))]);
        for (int i = 0; i < obs.size(); i++) {
            assertEquals(v[i], obs.get(i).value(ctx), obs.get(i).name());
            assertEquals(v[i], obs.get(i).value(jet), obs.get(i).name());
        }
        // the reclusterings are built once per context
        assertSame(ctx.ktReclustering(), ctx.ktReclustering());
        assertSame(ctx.cambridgeReclustering(), ctx.cambridgeReclustering());
        assertSame(ctx.groomed(new SoftDrop(1, 0.1)), ctx.groomed(new SoftDrop(1, 0.1)));
    }

    @Test
    void tinyJetsGiveDefinedValues() {
        Jet one = Jet.of(List.of(massless(50, 0.2, 0.3)));
        double[] v = Observables.evaluate(Observables.standardWith(Observables.referenceSoftDrops()), one);
        for (double x : v) {
            assertEquals(false, Double.isNaN(x));
        }
        assertThrows(IllegalArgumentException.class, () -> Observables.evaluate(
                Observables.groomed(new SoftDrop(1, 0.1)), Jet.of(List.of())));
    }

    private static Observable find(List<Observable> obs, String name) {
        return obs.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }
}
