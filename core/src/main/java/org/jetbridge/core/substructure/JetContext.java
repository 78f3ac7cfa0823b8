package org.jetbridge.core.substructure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jetbridge.core.ClusterSequence;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.jetbridge.core.JetDefinition;
import org.jetbridge.core.RecombinationScheme;
import org.jetbridge.core.groom.CambridgeReclustering;
import org.jetbridge.core.groom.GroomedJet;
import org.jetbridge.core.groom.Groomer;

/**
 * One jet prepared for substructure: its constituents as flat arrays (pT in GeV, rapidity y, azimuth φ in
 * [0, 2π)) plus, computed on first use and then cached, the reclusterings (kt E-scheme, kt WTA-pT, C/A), the
 * pairwise ΔR² matrix and every result derived from them. Evaluating many {@link Observable}s on one context
 * clusters each tree once. Not thread-safe; one context per jet and thread.
 */
public final class JetContext {
    /** kt, E-scheme, R = MAX_RADIUS: exclusive-kT axes and splitting scales. */
    static final JetDefinition KT = JetDefinition.kt(JetDefinition.MAX_RADIUS);
    /** kt, WTA-pT recombination, R = MAX_RADIUS: seeds of the WTA axes. */
    static final JetDefinition KT_WTA = KT.withRecombination(RecombinationScheme.WTA_PT);

    private final Jet jet;
    private final List<FourMomentum> constituents;
    private final double[] pt;
    private final double[] y;
    private final double[] phi;

    private ClusterSequence kt;
    private ClusterSequence ktWta;
    private CambridgeReclustering cambridge;
    private double[][] deltaR2;
    private final double[][] tau = new double[AxesDefinition.values().length][];
    private final Map<Double, EnergyCorrelators> ecfs = new HashMap<>(4);
    private final Map<Groomer, GroomedJet> groomed = new HashMap<>(4);

    private JetContext(Jet jet) {
        this.jet = jet;
        this.constituents = jet.constituents();
        int n = constituents.size();
        pt = new double[n];
        y = new double[n];
        phi = new double[n];
        for (int i = 0; i < n; i++) {
            FourMomentum p = constituents.get(i);
            if (!p.isFinite()) {
                throw new IllegalArgumentException("jet constituent " + i + " has a non-finite component: " + p);
            }
            pt[i] = p.pt();
            y[i] = p.rapidity();
            phi[i] = p.phi02pi();
        }
    }

    /** A context for the jet (constituents are read once, nothing is clustered yet). */
    public static JetContext of(Jet jet) {
        if (jet == null) {
            throw new IllegalArgumentException("jet context: the jet is required");
        }
        return new JetContext(jet);
    }

    public Jet jet() {
        return jet;
    }

    public List<FourMomentum> constituents() {
        return constituents;
    }

    public int size() {
        return pt.length;
    }

    /** Constituent pT (GeV). Shared array: do not modify. */
    double[] pt() {
        return pt;
    }

    /** Constituent rapidities. Shared array: do not modify. */
    double[] y() {
        return y;
    }

    /** Constituent azimuths in [0, 2π). Shared array: do not modify. */
    double[] phi() {
        return phi;
    }

    /** The constituents reclustered with kt (E-scheme, R = MAX_RADIUS); requires at least one constituent. */
    public ClusterSequence ktReclustering() {
        if (kt == null) {
            kt = new ClusterSequence(nonEmpty("kt reclustering"), KT);
        }
        return kt;
    }

    /** The constituents reclustered with kt and WTA-pT recombination (R = MAX_RADIUS). */
    public ClusterSequence ktWtaReclustering() {
        if (ktWta == null) {
            ktWta = new ClusterSequence(nonEmpty("kt WTA reclustering"), KT_WTA);
        }
        return ktWta;
    }

    /** The constituents reclustered with Cambridge/Aachen (R = MAX_RADIUS). */
    public CambridgeReclustering cambridgeReclustering() {
        if (cambridge == null) {
            nonEmpty("C/A reclustering");
            cambridge = CambridgeReclustering.of(constituents);
        }
        return cambridge;
    }

    /** The jet groomed by g, computed once per groomer (reusing the C/A tree). */
    public GroomedJet groomed(Groomer g) {
        GroomedJet r = groomed.get(g);
        if (r == null) {
            r = g.groom(jet, cambridgeReclustering());
            groomed.put(g, r);
        }
        return r;
    }

    /** τ1..τ3 (index N−1) for the given axes, cached. */
    double[] tausUpTo3(AxesDefinition axes) {
        double[] t = tau[axes.ordinal()];
        if (t == null) {
            t = new double[3];
            for (int k = 1; k <= 3; k++) {
                t[k - 1] = NSubjettiness.compute(this, k, axes);
            }
            tau[axes.ordinal()] = t;
        }
        return t;
    }

    /** ECF(1), ECF(2, β), ECF(3, β), cached per β. */
    public EnergyCorrelators energyCorrelators(double beta) {
        EnergyCorrelators e = ecfs.get(beta);
        if (e == null) {
            e = EnergyCorrelators.compute(this, beta);
            ecfs.put(beta, e);
        }
        return e;
    }

    /**
     * Pairwise ΔR² = Δy² + Δφ² (Δφ in [0, π]) of the constituents, n × n, symmetric with a zero diagonal.
     * Shared arrays: do not modify.
     */
    double[][] deltaR2Matrix() {
        if (deltaR2 == null) {
            int n = pt.length;
            double[][] m = new double[n][n];
            for (int i = 0; i < n; i++) {
                double yi = y[i];
                double phii = phi[i];
                double[] mi = m[i];
                for (int j = i + 1; j < n; j++) {
                    double dy = yi - y[j];
                    // both azimuths are in [0, 2π), so |Δφ| < 2π and one reflection brings it into [0, π]
                    double dphi = Math.PI - Math.abs(Math.PI - Math.abs(phii - phi[j]));
                    double d = dy * dy + dphi * dphi;
                    mi[j] = d;
                    m[j][i] = d;
                }
            }
            deltaR2 = m;
        }
        return deltaR2;
    }

    private List<FourMomentum> nonEmpty(String what) {
        if (constituents.isEmpty()) {
            throw new IllegalArgumentException(what + ": the jet has no constituents");
        }
        return constituents;
    }
}
