package org.jetbridge.tagger;

import java.util.List;

/**
 * The per-constituent network inputs, computed from the constituent features of a tagging file
 * ({@link #FILE_COLUMNS}) and the jet pT: log pT (pT in GeV), Δη, Δφ, d0, σ(d0), dz, σ(dz) (lifetime-signed d0 and dz as the file
 * gives them, in the generator's length unit), charge, the impact-parameter significances d0/σ(d0) and dz/σ(dz),
 * log(pT/pT_jet), and a one-hot of the particle class (photon, neutral hadron, charged hadron, electron, muon).
 * Impact parameters and their significances are zero for neutral constituents.
 */
public final class ConstituentFeatures {

    /** Input names, in column order. */
    public static final List<String> NAMES = List.of("log_pt", "deta", "dphi", "d0", "d0err", "dz", "dzerr",
            "charge", "d0_significance", "dz_significance", "log_pt_rel", "is_photon", "is_neutral_hadron",
            "is_charged_hadron", "is_electron", "is_muon");
    /** Number of inputs per constituent. */
    public static final int COUNT = NAMES.size();
    /** Particle classes of the one-hot (codes 0 … 4 of the dataset's {@code pid_class}). */
    public static final int CLASSES = 5;
    static final int FIRST_ONE_HOT = 11;

    /** How {@link Normalisation} treats each input. */
    public enum Kind {
        /** (x − median) / IQR over all real constituents. */
        ROBUST,
        /** asinh((x − median) / IQR) fitted on charged constituents only, 0 for neutrals (heavy-tailed track data). */
        TRACK,
        /** Left as it is (charge, one-hot). */
        IDENTITY
    }

    /** Normalisation kind per input, aligned with {@link #NAMES}. */
    public static final List<Kind> KINDS = List.of(Kind.ROBUST, Kind.ROBUST, Kind.ROBUST, Kind.TRACK, Kind.TRACK,
            Kind.TRACK, Kind.TRACK, Kind.IDENTITY, Kind.TRACK, Kind.TRACK, Kind.ROBUST, Kind.IDENTITY, Kind.IDENTITY,
            Kind.IDENTITY, Kind.IDENTITY, Kind.IDENTITY);

    /** The tagging-file columns the inputs are computed from, in the order of {@link Columns}. */
    public static final List<String> FILE_COLUMNS = List.of("pt", "deta", "dphi", "d0", "d0err", "dz", "dzerr",
            "charge", "pid_class");

    /**
     * Where each of {@link #FILE_COLUMNS} sits in a file's constituent rows.
     *
     * @param index column of each needed feature
     * @param width features per constituent row in the file
     */
    record Columns(int[] index, int width) {}

    private ConstituentFeatures() {}

    /**
     * Raw (unnormalised) inputs of one constituent.
     *
     * @param in the file's constituent rows
     * @param at offset of this constituent's first feature in {@code in}
     * @param cols positions of the needed features in the file's rows
     * @param jetPt the jet's pT (GeV)
     * @param out receives {@link #COUNT} values from {@code outAt}
     * @param where names the constituent in error messages (file, jet, constituent)
     * @throws IllegalArgumentException for a non-finite feature, pT ≤ 0, or a class code outside 0…4
     */
    static void raw(float[] in, int at, Columns cols, double jetPt, float[] out, int outAt, Where where) {
        int[] c = cols.index();
        for (int k = 0; k < c.length; k++) {
            if (!Float.isFinite(in[at + c[k]])) {
                throw new IllegalArgumentException(where.describe() + ": feature '" + FILE_COLUMNS.get(k) + "' is "
                        + in[at + c[k]] + ", expected a finite number");
            }
        }
        double pt = in[at + c[0]];
        if (!(pt > 0)) {
            throw new IllegalArgumentException(where.describe() + ": pt = " + pt + ", expected > 0 for a real "
                    + "constituent (mask 1)");
        }
        float code = in[at + c[8]];
        int cls = (int) code;
        if (cls != code || cls < 0 || cls >= CLASSES) {
            throw new IllegalArgumentException(where.describe() + ": pid_class = " + code + ", expected 0..4");
        }
        float charge = in[at + c[7]];
        boolean charged = charge != 0;
        float d0 = in[at + c[3]];
        float d0err = in[at + c[4]];
        float dz = in[at + c[5]];
        float dzerr = in[at + c[6]];
        out[outAt] = (float) Math.log(pt);
        out[outAt + 1] = in[at + c[1]];
        out[outAt + 2] = in[at + c[2]];
        out[outAt + 3] = charged ? d0 : 0f;
        out[outAt + 4] = charged ? d0err : 0f;
        out[outAt + 5] = charged ? dz : 0f;
        out[outAt + 6] = charged ? dzerr : 0f;
        out[outAt + 7] = charge;
        out[outAt + 8] = charged ? significance(d0, d0err) : 0f;
        out[outAt + 9] = charged ? significance(dz, dzerr) : 0f;
        out[outAt + 10] = (float) Math.log(pt / jetPt);
        for (int k = 0; k < CLASSES; k++) {
            out[outAt + FIRST_ONE_HOT + k] = k == cls ? 1f : 0f;
        }
    }

    /** x / σ, or 0 when the file carries no uncertainty (σ ≤ 0). */
    private static float significance(float x, float sigma) {
        return sigma > 0 ? x / sigma : 0f;
    }

    /** Whether input {@code raw} (a row from {@link #raw}) belongs to a charged constituent. */
    static boolean charged(float[] raw, int at) {
        return raw[at + 7] != 0;
    }

    /** Names one constituent for error messages, built only when an error is raised. */
    @FunctionalInterface
    interface Where {
        String describe();
    }
}
