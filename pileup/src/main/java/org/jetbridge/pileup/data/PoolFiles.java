package org.jetbridge.pileup.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.jetbridge.io.InputException;
import org.jetbridge.io.hdf5.Hdf5FormatException;
import org.jetbridge.io.hdf5.MinBiasPool;
import org.jetbridge.sim.PileupParameters;

/** Minimum-bias pool files ({@link MinBiasPool}) loaded as the testbed's in-memory pool, and how much of one μ needs. */
public final class PoolFiles {
    private PoolFiles() {
    }

    /**
     * The pool file as the testbed's in-memory pool (energies massless: the file stores pt, eta, phi); the file's
     * metadata is added to {@code metadata}. A file that is not a pool is an {@link InputException} naming it.
     */
    public static org.jetbridge.sim.MinBiasPool load(Path file, Map<String, Object> metadata) {
        try (MinBiasPool.Reader r = MinBiasPool.open(file)) {
            metadata.putAll(r.metadata());
            int k = Math.toIntExact(r.interactions());
            int m = Math.toIntExact(r.particles());
            int[] off = new int[k + 1];
            double[] pt = new double[m], eta = new double[m], phi = new double[m], e = new double[m];
            int[] q = new int[m];
            double[] vz = new double[k];
            int n = 0;
            for (int i = 0; i < k; i++) {
                float[] p = r.interaction(i);
                off[i] = n;
                int c = p.length / MinBiasPool.FEATURES;
                for (int j = 0; j < c; j++) {
                    int b = j * MinBiasPool.FEATURES;
                    pt[n] = p[b];
                    eta[n] = p[b + 1];
                    phi[n] = p[b + 2];
                    e[n] = pt[n] * Math.cosh(eta[n]);
                    q[n] = Math.round(p[b + 3]);
                    vz[i] = p[b + 4];
                    n++;
                }
            }
            off[k] = n;
            return new org.jetbridge.sim.MinBiasPool(off, pt, eta, phi, e, q, vz);
        } catch (IOException | Hdf5FormatException | ArithmeticException e) {
            throw new InputException(file.toString(), "cannot read as a minimum-bias pool (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The most interactions a jet is expected to need: N_PU itself when fixed, else 5 standard deviations above the
     * mean (Poisson, and for a Gaussian μ its mean plus 5 σ), so the pool can supply a crossing without repeating
     * an interaction in all but a negligible fraction of jets.
     */
    public static long needed(PileupParameters pu) {
        return switch (pu.mode()) {
            case FIXED -> Math.round(pu.mu());
            case POISSON -> (long) Math.ceil(pu.mu() + 5 * Math.sqrt(pu.mu()));
            case GAUSSIAN_MU -> {
                double m = pu.mu() + 5 * pu.muSigma();
                yield (long) Math.ceil(m + 5 * Math.sqrt(m));
            }
        };
    }
}
