package org.jetbridge.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jetbridge.core.groom.SoftDrop;
import org.jetbridge.core.substructure.Observable;
import org.jetbridge.core.substructure.Observables;

/**
 * One-line descriptions (meaning and unit) of the observables the {@code observables} command offers, for
 * {@code --list}: the registry's standard names from the table below, the groomed ones from their SoftDrop setting.
 */
final class ObservableCatalog {
    /** The jet columns every row has; observables of the same name are not repeated. */
    static final List<String> JET_COLUMN_OBSERVABLES = List.of("pt", "mass");

    private static final Map<String, String> STANDARD = new LinkedHashMap<>();

    static {
        STANDARD.put("mass", "jet mass, GeV (negative when m^2 < 0); always written as a jet column");
        STANDARD.put("pt", "jet transverse momentum, GeV; always written as a jet column");
        for (int n = 1; n <= 3; n++) {
            STANDARD.put("tau" + n + "_kt", "N-subjettiness tau_" + n + " (beta = 1, unnormalised), exclusive-kt "
                    + "axes, GeV");
        }
        for (int n = 1; n <= 3; n++) {
            STANDARD.put("tau" + n + "_wta", "N-subjettiness tau_" + n + " (beta = 1, unnormalised), one-pass "
                    + "winner-take-all kt axes, GeV");
        }
        STANDARD.put("tau21", "tau_2/tau_1 with WTA axes (two-prong tagger: small for W/Z/H jets)");
        STANDARD.put("tau32", "tau_3/tau_2 with WTA axes (three-prong tagger: small for top jets)");
        STANDARD.put("d2_beta1", "D2 = e3/e2^3, beta = 1 (two-prong tagger)");
        STANDARD.put("d2_beta2", "D2 = e3/e2^3, beta = 2");
        STANDARD.put("ecf1", "ECF(1) = scalar sum of constituent pT, GeV");
        STANDARD.put("ecf2_beta1", "ECF(2, beta = 1) = sum_{i<j} pTi pTj dR_ij, GeV^2");
        STANDARD.put("ecf3_beta1", "ECF(3, beta = 1) = sum_{i<j<k} pTi pTj pTk dR_ij dR_ik dR_jk, GeV^3");
        STANDARD.put("e2_beta1", "normalised e2 = ECF(2, 1)/ECF(1)^2");
        STANDARD.put("e3_beta1", "normalised e3 = ECF(3, 1)/ECF(1)^3");
        STANDARD.put("sqrt_d12", "kt splitting scale sqrt(d12) of the reclustered jet, GeV (0 with one constituent)");
        STANDARD.put("sqrt_d23", "kt splitting scale sqrt(d23), GeV (0 with two or fewer constituents)");
    }

    private ObservableCatalog() {
    }

    /** Name to description of {@link Observables#standard()} then the groomed observables of each setting. */
    static Map<String, String> describe(List<SoftDrop> softDrops) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : Observables.names(Observables.standard())) {
            String d = STANDARD.get(name);
            if (d == null) {
                throw new IllegalStateException("no description for the registry's observable " + name);
            }
            out.put(name, d);
        }
        for (SoftDrop sd : softDrops) {
            String setting = "SoftDrop beta = " + JetSelectionOptions.fmt(sd.beta()) + ", z_cut = "
                    + JetSelectionOptions.fmt(sd.zcut()) + ", R0 = " + JetSelectionOptions.fmt(sd.r0()) + ": ";
            for (Observable o : Observables.groomed(sd)) {
                String what = switch (o.name().substring(sd.name().length())) {
                    case "_pt" -> "groomed-jet pT, GeV";
                    case "_mass" -> "groomed-jet mass, GeV";
                    case "_zg" -> "z_g of the first passing splitting (-1 if none)";
                    case "_rg" -> "R_g, its (y, phi) opening angle (-1 if none)";
                    default -> throw new IllegalStateException("no description for groomed observable " + o.name());
                };
                out.put(o.name(), setting + what);
            }
        }
        return out;
    }
}
