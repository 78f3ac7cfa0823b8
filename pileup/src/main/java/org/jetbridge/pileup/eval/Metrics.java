package org.jetbridge.pileup.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jetbridge.pileup.eval.Evaluation.MethodResult;
import org.jetbridge.pileup.eval.Evaluation.PointResult;
import org.jetbridge.report.SampleDistance;

/**
 * The contents of {@code metrics.json} of {@code jetbridge pileup evaluate}. Stable keys (μ keys are the μ values
 * written without trailing zeros, e.g. "50", "62.5"; method keys are {@link org.jetbridge.pileup.PileupRemover#name()};
 * observable keys are {@link JetObservables#NAMES}):
 * <ul>
 * <li>{@code resolution} → method → observable → {μ: IQR(RE)/1.349}, envelopes (e.g. "SoftDrop(best of grid)")
 *     included as methods;</li>
 * <li>{@code bias} → method → observable → {μ: median(RE)};</li>
 * <li>{@code coverage68} → observable → {μ: fraction of jets whose truth is inside the central 68 % interval} of
 *     the first posterior method (empty when no method is a posterior); {@code coverage68_by_method} → method →
 *     observable → {μ} for every posterior;</li>
 * <li>{@code sampling_jets_per_s} → {{@code cached}, {@code uncached}}: jets per second of the posterior sampler
 *     with and without context caching at the default K, null until measured;</li>
 * <li>{@code wasserstein} → method → observable → {μ: 1-D W1 between the method's and the truth's distribution};</li>
 * <li>{@code estimate_jets_per_s} → method → {μ}; {@code samples} → method → K; {@code jets} → {μ: jets};
 *     {@code undefined_relative_errors} → observable → {μ: jets with truth 0, left out of bias and resolution};
 *     {@code envelopes} → name → members; {@code observables}: the names in order;</li>
 * <li>{@code scans} → scan key (e.g. {@code sampler_steps}) → {{@code axis}, {@code values}, {@code members},
 *     {@code resolution} → observable → {μ: [one value per member]}, {@code coverage68} likewise (posterior
 *     scans only), {@code jets_per_s} → {μ: [per member]}} ({@link MethodScan}).</li>
 * </ul>
 */
public final class Metrics {
    private Metrics() {
    }

    /** μ as a JSON key: integers without decimals, others in the shortest form. */
    public static String muKey(double mu) {
        return mu == Math.rint(mu) && Math.abs(mu) < 1e15 ? String.valueOf((long) mu)
                : String.format(Locale.ROOT, "%s", mu);
    }

    /** 1-D Wasserstein distance between a method's (point-estimate) distribution of an observable and the truth's. */
    public static double wasserstein(PointResult p, String method, int observable) {
        return SampleDistance.of(p.method(method).values()[observable], p.truth()[observable]).wasserstein();
    }

    /** Resolution of an envelope at one μ and observable: the smallest member resolution. */
    public static double envelopeResolution(PointResult p, Envelope e, int observable) {
        double best = Double.NaN;
        for (String m : e.members()) {
            double r = p.resolution(m, observable);
            if (Double.isNaN(best) || r < best) {
                best = r;
            }
        }
        return best;
    }

    /** Bias of an envelope: that of the member with the smallest |bias|. */
    public static double envelopeBias(PointResult p, Envelope e, int observable) {
        double best = Double.NaN;
        for (String m : e.members()) {
            double b = p.bias(m, observable);
            if (Double.isNaN(best) || Math.abs(b) < Math.abs(best)) {
                best = b;
            }
        }
        return best;
    }

    /** The metrics of a run; {@code sampling} holds {@code cached}/{@code uncached} jets per second (null: not measured). */
    public static Map<String, Object> of(List<PointResult> points, List<Envelope> envelopes, Double samplingCached,
                                         Double samplingUncached) {
        return of(points, envelopes, List.of(), samplingCached, samplingUncached);
    }

    /** As above, with the {@code scans} key for each {@link MethodScan}. */
    public static Map<String, Object> of(List<PointResult> points, List<Envelope> envelopes, List<MethodScan> scans,
                                         Double samplingCached, Double samplingUncached) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no mu points to summarise");
        }
        List<String> methods = new ArrayList<>();
        for (MethodResult m : points.get(0).methods()) {
            methods.add(m.name());
        }
        Map<String, Object> resolution = new LinkedHashMap<>();
        Map<String, Object> bias = new LinkedHashMap<>();
        Map<String, Object> wasserstein = new LinkedHashMap<>();
        Map<String, Object> speed = new LinkedHashMap<>();
        Map<String, Object> samples = new LinkedHashMap<>();
        Map<String, Object> coverageBy = new LinkedHashMap<>();
        for (String m : methods) {
            resolution.put(m, perObservable(points, (p, o) -> p.resolution(m, o)));
            bias.put(m, perObservable(points, (p, o) -> p.bias(m, o)));
            wasserstein.put(m, perObservable(points, (p, o) -> wasserstein(p, m, o)));
            Map<String, Object> s = new LinkedHashMap<>();
            for (PointResult p : points) {
                s.put(muKey(p.mu()), p.method(m).jetsPerSecond());
            }
            speed.put(m, s);
            samples.put(m, points.get(0).method(m).samples());
            if (points.get(0).method(m).isPosterior()) {
                coverageBy.put(m, perObservable(points, (p, o) -> p.method(m).coverage68()[o]));
            }
        }
        Map<String, Object> env = new LinkedHashMap<>();
        for (Envelope e : envelopes) {
            resolution.put(e.name(), perObservable(points, (p, o) -> envelopeResolution(p, e, o)));
            bias.put(e.name(), perObservable(points, (p, o) -> envelopeBias(p, e, o)));
            env.put(e.name(), e.members());
        }
        Map<String, Object> jets = new LinkedHashMap<>();
        for (PointResult p : points) {
            jets.put(muKey(p.mu()), p.jets());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("resolution", resolution);
        out.put("bias", bias);
        out.put("coverage68", coverageBy.isEmpty() ? new LinkedHashMap<>() : coverageBy.values().iterator().next());
        Map<String, Object> sampling = new LinkedHashMap<>();
        sampling.put("cached", samplingCached);
        sampling.put("uncached", samplingUncached);
        out.put("sampling_jets_per_s", sampling);
        out.put("coverage68_by_method", coverageBy);
        out.put("wasserstein", wasserstein);
        out.put("estimate_jets_per_s", speed);
        out.put("samples", samples);
        out.put("jets", jets);
        out.put("undefined_relative_errors", perObservable(points,
                (p, o) -> p.truth()[o].length - Stats.relativeErrors(p.truth()[o], p.truth()[o]).values().length));
        out.put("envelopes", env);
        out.put("observables", JetObservables.NAMES);
        Map<String, Object> scanned = new LinkedHashMap<>();
        for (MethodScan scan : scans) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("axis", scan.axis());
            one.put("values", scan.values());
            one.put("members", scan.members());
            one.put("resolution", perObservableScan(points, scan, (p, m, o) -> p.resolution(m, o)));
            if (points.get(0).method(scan.members().get(0)).isPosterior()) {
                one.put("coverage68", perObservableScan(points, scan, (p, m, o) -> p.method(m).coverage68()[o]));
            }
            Map<String, Object> speeds = new LinkedHashMap<>();
            for (PointResult p : points) {
                double[] v = new double[scan.members().size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = p.method(scan.members().get(i)).jetsPerSecond();
                }
                speeds.put(muKey(p.mu()), v);
            }
            one.put("jets_per_s", speeds);
            scanned.put(scan.key(), one);
        }
        if (!scans.isEmpty()) {
            out.put("scans", scanned);
        }
        return out;
    }

    /** A per-member value of a scan at one μ and observable. */
    private interface ScanValue {
        double at(PointResult p, String member, int observable);
    }

    /** observable → {μ: one value per scan member}. */
    private static Map<String, Object> perObservableScan(List<PointResult> points, MethodScan scan, ScanValue f) {
        List<String> members = scan.members();
        return perObservableOf(points, (p, o) -> {
            double[] v = new double[members.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = f.at(p, members.get(i), o);
            }
            return v;
        });
    }

    interface PointValue {
        double at(PointResult p, int observable);
    }

    private static Map<String, Object> perObservable(List<PointResult> points, PointValue f) {
        return perObservableOf(points, f::at);
    }

    /** observable → {μ: f(point, observable)} in the order of {@link JetObservables#NAMES} and of the points. */
    private static Map<String, Object> perObservableOf(List<PointResult> points,
                                                       java.util.function.BiFunction<PointResult, Integer, Object> f) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int o = 0; o < JetObservables.COUNT; o++) {
            Map<String, Object> byMu = new LinkedHashMap<>();
            for (PointResult p : points) {
                byMu.put(muKey(p.mu()), f.apply(p, o));
            }
            out.put(JetObservables.NAMES.get(o), byMu);
        }
        return out;
    }
}
