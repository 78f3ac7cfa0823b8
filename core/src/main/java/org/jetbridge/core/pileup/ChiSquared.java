package org.jetbridge.core.pileup;

/**
 * The χ² distribution's cumulative distribution function, through the regularised lower incomplete gamma
 * function P(a, x) = γ(a, x)/Γ(a): F(x; k) = P(k/2, x/2). Accurate to ~1e-14 relative; series for x &lt; a + 1,
 * continued fraction (modified Lentz) otherwise.
 */
public final class ChiSquared {
    private static final double EPS = 1e-16;
    private static final int MAX_ITER = 10_000;
    // Lanczos approximation, g = 7, n = 9 (published coefficients)
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
        9.9843695780195716e-6, 1.5056327351493116e-7};

    private ChiSquared() {
    }

    /** P(χ² ≤ x) for dof degrees of freedom (dof ≥ 1); 0 for x ≤ 0, 1 for x = +∞. */
    public static double cdf(double x, int dof) {
        if (dof < 1) {
            throw new IllegalArgumentException("chi2 degrees of freedom must be ≥ 1, got " + dof);
        }
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("chi2 value is NaN");
        }
        return regularizedGammaP(0.5 * dof, 0.5 * x);
    }

    /** Regularised lower incomplete gamma P(a, x) for a &gt; 0. */
    public static double regularizedGammaP(double a, double x) {
        if (!(a > 0) || !Double.isFinite(a)) {
            throw new IllegalArgumentException("gamma shape a must be positive and finite, got " + a);
        }
        if (x <= 0) {
            return 0.0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 1.0;
        }
        double logPrefactor = -x + a * Math.log(x) - logGamma(a);
        if (x < a + 1) {
            double term = 1.0 / a;
            double sum = term;
            for (int n = 1; n < MAX_ITER; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * EPS) {
                    return sum * Math.exp(logPrefactor);
                }
            }
            throw new ArithmeticException("gamma series did not converge for a=" + a + ", x=" + x);
        }
        // Q(a, x) = e^{-x} x^a / Γ(a) · 1/(x + 1 − a − 1·(1−a)/(x + 3 − a − …)), evaluated by modified Lentz
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITER; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                return 1.0 - Math.exp(logPrefactor) * h;
            }
        }
        throw new ArithmeticException("gamma continued fraction did not converge for a=" + a + ", x=" + x);
    }

    /** ln Γ(a) for a &gt; 0 (Lanczos, reflection below ½). */
    static double logGamma(double a) {
        if (a < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * a))) - logGamma(1 - a);
        }
        double z = a - 1;
        double s = LANCZOS[0];
        double t = z + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) {
            s += LANCZOS[i] / (z + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
    }
}
