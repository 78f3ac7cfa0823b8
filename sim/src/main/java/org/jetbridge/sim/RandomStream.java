package org.jetbridge.sim;

import java.util.SplittableRandom;

/**
 * A seeded random stream with the distributions the generator needs. Each event gets its own stream from
 * {@link #forEvent(long, long)}, so an event's content depends only on (seed, event index), never on threads.
 */
public final class RandomStream {
    private final SplittableRandom r;

    public RandomStream(long seed) {
        this.r = new SplittableRandom(seed);
    }

    /** The independent stream of event {@code index} of a run with the given seed (stafford-13 mixing). */
    public static RandomStream forEvent(long seed, long index) {
        return new RandomStream(mix(mix(seed) ^ mix(index + 0x632BE59BD9B4E019L)));
    }

    /** A 64-bit finaliser (David Stafford's "Mix13"): nearby inputs give unrelated outputs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public double uniform() {
        return r.nextDouble();
    }

    /** Uniform in (0, 1], safe for logarithms. */
    public double uniformOpen() {
        return 1.0 - r.nextDouble();
    }

    public double uniform(double a, double b) {
        return a + (b - a) * r.nextDouble();
    }

    public int nextInt(int bound) {
        return r.nextInt(bound);
    }

    public double gaussian() {
        return r.nextGaussian();
    }

    public double gaussian(double mean, double sigma) {
        return mean + sigma * r.nextGaussian();
    }

    /** Exponential with mean 1. */
    public double exponential() {
        return -Math.log(uniformOpen());
    }

    /** Poisson with the given mean (inversion below 30, Gaussian-corrected PTRS-free rejection above). */
    public int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < 30) {
            double l = Math.exp(-mean);
            double p = uniform();
            int k = 0;
            double term = l;
            double cdf = term;
            while (p > cdf && k < 1000) {
                k++;
                term *= mean / k;
                cdf += term;
            }
            return k;
        }
        // Atkinson's rejection method for large means
        double c = 0.767 - 3.36 / mean;
        double beta = Math.PI / Math.sqrt(3.0 * mean);
        double alpha = beta * mean;
        double k = Math.log(c) - mean - Math.log(beta);
        while (true) {
            double u = uniformOpen();
            double x = (alpha - Math.log((1.0 - u) / u)) / beta;
            int n = (int) Math.floor(x + 0.5);
            if (n < 0) {
                continue;
            }
            double v = uniformOpen();
            double y = alpha - beta * x;
            double t = 1.0 + Math.exp(y);
            double lhs = y + Math.log(v / (t * t));
            double rhs = k + n * Math.log(mean) - logFactorial(n);
            if (lhs <= rhs) {
                return n;
            }
        }
    }

    private static double logFactorial(int n) {
        if (n < 2) {
            return 0.0;
        }
        double x = n + 1.0; // Stirling series for ln Γ(x)
        return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1.0 / (12 * x) - 1.0 / (360 * x * x * x);
    }

    /** Gamma(shape, scale = 1) by Marsaglia–Tsang (with the shape &lt; 1 boost). */
    public double gamma(double shape) {
        if (shape < 1.0) {
            return gamma(shape + 1.0) * Math.pow(uniformOpen(), 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = gaussian();
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = uniformOpen();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** Negative binomial with the given mean and shape k (variance mean + mean²/k), as a Gamma–Poisson mixture. */
    public int negativeBinomial(double mean, double k) {
        return poisson(gamma(k) * mean / k);
    }

    /** Index drawn from non-negative weights (need not be normalised). */
    public int choose(double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double u = uniform() * sum;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Relativistic Breit–Wigner-like (Cauchy) mass, truncated to [lo, hi]. */
    public double breitWigner(double mass, double width, double lo, double hi) {
        if (width <= 0) {
            return mass;
        }
        double a = Math.atan((lo - mass) / (0.5 * width));
        double b = Math.atan((hi - mass) / (0.5 * width));
        return mass + 0.5 * width * Math.tan(a + (b - a) * uniform());
    }
}
