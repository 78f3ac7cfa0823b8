package org.jetbridge.pileup.eval;

import java.util.ArrayList;
import java.util.List;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.jetbridge.core.substructure.AxesDefinition;
import org.jetbridge.core.substructure.JetContext;
import org.jetbridge.core.substructure.NSubjettiness;
import org.jetbridge.core.substructure.Observable;
import org.jetbridge.core.substructure.Observables;
import org.jetbridge.pileup.JetEstimate;
import org.jetbridge.sim.Constituents;

/**
 * The observables of the pile-up evaluation, from core's substructure code: mass and pT of the estimate's
 * four-momentum (GeV; the jet-level correction of area-median subtraction included), and from its constituents
 * τ21 and τ32 (exclusive-kt axes, β = 1), D2 (β = 1), √d12 and √d23 (GeV). An estimate without constituents
 * (e.g. area-median subtraction that removed the whole jet) has 0 for every constituent observable, the value core
 * gives a jet with too few constituents.
 */
public final class JetObservables {
    /** τ21 with exclusive-kt axes (core's registry name {@code tau21} is the WTA-axes variant). */
    public static final Observable TAU21_KT = Observables.of("tau21_kt",
            c -> NSubjettiness.tau21(c, AxesDefinition.EXCLUSIVE_KT));
    /** τ32 with exclusive-kt axes. */
    public static final Observable TAU32_KT = Observables.of("tau32_kt",
            c -> NSubjettiness.tau32(c, AxesDefinition.EXCLUSIVE_KT));
    /** The evaluated observables, in metrics.json order. */
    public static final List<Observable> OBSERVABLES = list();
    /** Their names: mass, pt, tau21_kt, tau32_kt, d2_beta1, sqrt_d12, sqrt_d23. */
    public static final List<String> NAMES = Observables.names(OBSERVABLES);
    /** How many observables there are. */
    public static final int COUNT = OBSERVABLES.size();

    private JetObservables() {
    }

    private static List<Observable> list() {
        List<Observable> std = Observables.standard();
        List<Observable> l = new ArrayList<>(Observables.select(std, List.of("mass", "pt")));
        l.add(TAU21_KT);
        l.add(TAU32_KT);
        l.addAll(Observables.select(std, List.of("d2_beta1", "sqrt_d12", "sqrt_d23")));
        return List.copyOf(l);
    }

    /** Index of an observable name in {@link #NAMES}; an unknown name is an error listing the known ones. */
    public static int index(String name) {
        int i = NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("unknown observable '" + name + "'; known: " + String.join(", ", NAMES));
        }
        return i;
    }

    /** The observables of one estimate, in {@link #NAMES} order. */
    public static double[] of(JetEstimate e) {
        if (e.constituents().isEmpty()) {
            double[] out = new double[COUNT];
            out[0] = e.momentum().m();
            out[1] = e.momentum().pt();
            return out;
        }
        Jet jet = Jet.of(e.constituents()).withMomentum(e.momentum());
        JetContext ctx = JetContext.of(jet);
        double[] out = new double[COUNT];
        for (int i = 0; i < COUNT; i++) {
            out[i] = OBSERVABLES.get(i).value(ctx);
        }
        return out;
    }

    /** The constituents of a testbed jet as GeV four-momenta (massless: E = pT cosh η). */
    public static List<FourMomentum> momenta(Constituents c) {
        List<FourMomentum> l = new ArrayList<>(c.size());
        for (int i = 0; i < c.size(); i++) {
            l.add(c.momentum(i));
        }
        return l;
    }
}
