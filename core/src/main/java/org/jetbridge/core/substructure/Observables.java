package org.jetbridge.core.substructure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.jetbridge.core.Jet;
import org.jetbridge.core.groom.Groomer;
import org.jetbridge.core.groom.SoftDrop;

/**
 * The registry of jet observables and their names: the single source of column names for evaluation code.
 * Units: mass, pt, tau*, ecf1, sqrt_d* in GeV; ecf2 in GeV², ecf3 in GeV³; ratios, e2, e3, D2 dimensionless;
 * groomed {@code <groomer>_pt}, {@code _mass} in GeV, {@code _zg} dimensionless, {@code _rg} in (y, φ).
 */
public final class Observables {
    private Observables() {
    }

    private record Named(String name, ToDoubleFunction<JetContext> f) implements Observable {
        @Override
        public double value(JetContext ctx) {
            return f.applyAsDouble(ctx);
        }
    }

    /** An observable from a name and a function of the jet context. */
    public static Observable of(String name, ToDoubleFunction<JetContext> f) {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("observable name must be snake_case ([a-z][a-z0-9_]*), got " + name);
        }
        return new Named(name, f);
    }

    /**
     * mass, pt, tau1_kt, tau2_kt, tau3_kt, tau1_wta, tau2_wta, tau3_wta, tau21, tau32 (both WTA axes), d2_beta1,
     * d2_beta2, ecf1, ecf2_beta1, ecf3_beta1, e2_beta1, e3_beta1, sqrt_d12, sqrt_d23, in this order.
     */
    public static List<Observable> standard() {
        List<Observable> l = new ArrayList<>();
        l.add(of("mass", c -> c.jet().m()));
        l.add(of("pt", c -> c.jet().pt()));
        for (int n = 1; n <= 3; n++) {
            int nn = n;
            l.add(of("tau" + n + "_kt", c -> NSubjettiness.tau(c, nn, AxesDefinition.EXCLUSIVE_KT)));
        }
        for (int n = 1; n <= 3; n++) {
            int nn = n;
            l.add(of("tau" + n + "_wta", c -> NSubjettiness.tau(c, nn, AxesDefinition.ONEPASS_WTA_KT)));
        }
        l.add(of("tau21", c -> NSubjettiness.tau21(c, AxesDefinition.ONEPASS_WTA_KT)));
        l.add(of("tau32", c -> NSubjettiness.tau32(c, AxesDefinition.ONEPASS_WTA_KT)));
        l.add(of("d2_beta1", c -> c.energyCorrelators(1.0).d2()));
        l.add(of("d2_beta2", c -> c.energyCorrelators(2.0).d2()));
        l.add(of("ecf1", c -> c.energyCorrelators(1.0).ecf1()));
        l.add(of("ecf2_beta1", c -> c.energyCorrelators(1.0).ecf2()));
        l.add(of("ecf3_beta1", c -> c.energyCorrelators(1.0).ecf3()));
        l.add(of("e2_beta1", c -> c.energyCorrelators(1.0).e2()));
        l.add(of("e3_beta1", c -> c.energyCorrelators(1.0).e3()));
        l.add(of("sqrt_d12", c -> SplittingScales.sqrtD(c, 1)));
        l.add(of("sqrt_d23", c -> SplittingScales.sqrtD(c, 2)));
        return List.copyOf(l);
    }

    /**
     * The four outputs of a groomer, named {@code <groomer.name()>_pt}, {@code _mass}, {@code _zg}, {@code _rg}
     * (groomed-jet pT and signed mass in GeV, z_g, R_g; z_g = R_g = −1 when no splitting passed).
     */
    public static List<Observable> groomed(Groomer g) {
        String p = g.name();
        return List.of(
                of(p + "_pt", c -> c.groomed(g).jet().pt()),
                of(p + "_mass", c -> c.groomed(g).jet().m()),
                of(p + "_zg", c -> c.groomed(g).zg()),
                of(p + "_rg", c -> c.groomed(g).rg()));
    }

    /** The SoftDrop settings of the reference numbers: (β, z_cut) = (0, 0.1), (1, 0.1), (2, 0.05), R0 = 1. */
    public static List<Groomer> referenceSoftDrops() {
        return List.of(new SoftDrop(0.0, 0.1), new SoftDrop(1.0, 0.1), new SoftDrop(2.0, 0.05));
    }

    /** {@link #standard()} followed by the groomed observables of each groomer; names must be unique. */
    public static List<Observable> standardWith(List<? extends Groomer> groomers) {
        List<Observable> l = new ArrayList<>(standard());
        for (Groomer g : groomers) {
            l.addAll(groomed(g));
        }
        Set<String> seen = new HashSet<>();
        for (Observable o : l) {
            if (!seen.add(o.name())) {
                throw new IllegalArgumentException("duplicate observable name " + o.name()
                        + " (two groomers with the same name?)");
            }
        }
        return List.copyOf(l);
    }

    /** Names of the observables, in order. */
    public static List<String> names(List<? extends Observable> observables) {
        List<String> n = new ArrayList<>(observables.size());
        for (Observable o : observables) {
            n.add(o.name());
        }
        return n;
    }

    /**
     * The observables with the given names, in the order asked, taken from {@code from}; an unknown name is an
     * error that lists the known ones (for user-facing selection, e.g. a command-line option).
     */
    public static List<Observable> select(List<? extends Observable> from, List<String> names) {
        List<Observable> out = new ArrayList<>(names.size());
        for (String name : names) {
            Observable found = null;
            for (Observable o : from) {
                if (o.name().equals(name)) {
                    found = o;
                    break;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("unknown observable '" + name + "'; known: "
                        + String.join(", ", names(from)));
            }
            out.add(found);
        }
        return List.copyOf(out);
    }

    /** Evaluates all observables on one jet through one shared context (each reclustering is done once). */
    public static double[] evaluate(List<? extends Observable> observables, Jet jet) {
        JetContext ctx = JetContext.of(jet);
        double[] out = new double[observables.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = observables.get(i).value(ctx);
        }
        return out;
    }
}
