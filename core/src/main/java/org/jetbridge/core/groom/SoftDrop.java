package org.jetbridge.core.groom;

import java.util.Locale;
import java.util.Optional;
import org.jetbridge.core.Jet;

/**
 * SoftDrop grooming (Larkoski, Marzani, Soyez, Thaler, arXiv:1402.2657) in grooming mode: the jet is reclustered
 * with Cambridge/Aachen and declustered from the top; a splitting into j1, j2 passes when
 * z = min(pT1, pT2)/(pT1 + pT2) &gt; z_cut (ΔR12/R0)^β (strict); otherwise the softer branch is dropped and the
 * declustering follows the branch with the larger pT. The groomed jet is the object at the first passing
 * splitting, or the single particle at the end of the hard branch (then z_g = R_g = −1). β = 0 is mMDT without
 * a mass-drop condition. ΔR is in (y, φ); β and z_cut are dimensionless, R0 is an angular distance.
 */
public record SoftDrop(double beta, double zcut, double r0) implements Groomer {

    public SoftDrop {
        if (!(beta >= 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("SoftDrop: beta must be finite and >= 0, got " + beta);
        }
        if (!(zcut >= 0) || !(zcut < 1)) {
            throw new IllegalArgumentException("SoftDrop: z_cut must be in [0, 1), got " + zcut);
        }
        if (!(r0 > 0) || !Double.isFinite(r0)) {
            throw new IllegalArgumentException("SoftDrop: R0 must be finite and > 0, got " + r0);
        }
    }

    /** SoftDrop with R0 = 1. */
    public SoftDrop(double beta, double zcut) {
        this(beta, zcut, 1.0);
    }

    @Override
    public GroomedJet groom(Jet jet) {
        return groom(CambridgeReclustering.of(jet));
    }

    @Override
    public GroomedJet groom(Jet jet, CambridgeReclustering reclustered) {
        return groom(reclustered);
    }

    /** Grooms the jet whose C/A reclustering is given. */
    public GroomedJet groom(CambridgeReclustering reclustered) {
        double invR02 = 1.0 / (r0 * r0);
        double halfBeta = 0.5 * beta;
        Jet current = reclustered.root();
        while (true) {
            Optional<Jet[]> parents = current.parents();
            if (parents.isEmpty()) {
                return new GroomedJet(current, GroomedJet.NO_SPLITTING, GroomedJet.NO_SPLITTING);
            }
            Jet harder = parents.get()[0];
            Jet softer = parents.get()[1];
            double pt1 = harder.pt();
            double pt2 = softer.pt();
            double z = pt2 / (pt1 + pt2);
            double dr2 = harder.momentum().deltaR2(softer.momentum());
            // pow(x, 0) = 1 for every x, so beta = 0 needs no special case
            double cut = zcut * Math.pow(dr2 * invR02, halfBeta);
            if (z > cut) {
                return new GroomedJet(current, z, Math.sqrt(dr2));
            }
            current = harder;
        }
    }

    /**
     * {@code sd_b<beta>_z<zcut>}, plus {@code _r<R0>} when R0 ≠ 1, numbers written without trailing zeros and
     * with 'p' for the decimal point: SoftDrop(1, 0.1) is {@code sd_b1_z0p1}, SoftDrop(2, 0.05) {@code sd_b2_z0p05}.
     */
    @Override
    public String name() {
        String s = "sd_b" + token(beta) + "_z" + token(zcut);
        return r0 == 1.0 ? s : s + "_r" + token(r0);
    }

    private static String token(double x) {
        String s = java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
        return s.replace('.', 'p').replace('-', 'm').toLowerCase(Locale.ROOT);
    }
}
