package org.jetbridge.sim;

import java.util.ArrayList;
import java.util.List;
import org.jetbridge.core.FourMomentum;

/**
 * The testbed event generator: hard processes (flavour parton pairs, boosted tt̄), parton shower,
 * fragmentation, decays, minimum-bias interactions and pile-up overlay, producing {@link TruthEvent}s.
 * Thread-safe: all state lives in the per-event {@link RandomStream}. Lengths in mm, momenta in GeV.
 */
public final class Generator {
    /** Flavour-pair processes of {@link #flavourEvent}: b b̄, c c̄, light q q̄, g g, tt̄. */
    public static final int PROCESS_BB = 0, PROCESS_CC = 1, PROCESS_QQ = 2, PROCESS_GG = 3, PROCESS_TT = 4;

    private final GeneratorSettings settings;
    private final PartonShower shower;
    private final Decayer decayer;
    private final Hadroniser hadroniser;
    private final double[] processWeights;

    public Generator(GeneratorSettings settings) {
        this.settings = settings;
        this.shower = new PartonShower(settings.shower());
        this.decayer = new Decayer(settings.decays());
        this.hadroniser = new Hadroniser(settings.hadronisation(), decayer);
        ProcessParameters p = settings.process();
        this.processWeights = new double[] {p.fractionBB(), p.fractionCC(), p.fractionLightQQ(), p.fractionGG(),
            p.fractionTTbar()};
    }

    public GeneratorSettings settings() {
        return settings;
    }

    /** α_s of the shower at scale mu (GeV), exposed for tests and documentation. */
    public double showerAlphaS(double mu) {
        return shower.alphaS(mu);
    }

    // ------------------------------------------------------------------ public event types

    /** One event of the flavour-jet mixture (no pile-up). */
    public TruthEvent flavourEvent(RandomStream rng) {
        return flavourEvent(rng, false);
    }

    /** One event of the flavour-jet mixture, with pile-up from the settings when asked. */
    public TruthEvent flavourEvent(RandomStream rng, boolean withPileup) {
        int process = rng.choose(processWeights);
        if (process == PROCESS_TT) {
            return ttbarEvent(rng, withPileup);
        }
        ProcessParameters pp = settings.process();
        double pt = pp.flavourFlatLogPt() ? pp.flavourPtMin() * Math.pow(pp.flavourPtMax() / pp.flavourPtMin(), rng.uniform())
                : powerLaw(pp.flavourPtMin(), pp.flavourPtMax(), pp.flavourPtPower(), rng);
        double phi = rng.uniform(-Math.PI, Math.PI);
        FourMomentum p1 = FourMomentum.fromPtEtaPhiM(pt, rng.uniform(-pp.flavourEtaMax(), pp.flavourEtaMax()), phi, 0);
        FourMomentum p2 = FourMomentum.fromPtEtaPhiM(pt, rng.uniform(-pp.flavourEtaMax(), pp.flavourEtaMax()),
                phi + Math.PI, 0);
        int id = switch (process) {
            case PROCESS_BB -> 5;
            case PROCESS_CC -> 4;
            case PROCESS_QQ -> 1 + rng.nextInt(3);
            default -> 21;
        };
        return pairEvent(id, p1, p2, rng, withPileup);
    }

    /**
     * A back-to-back pair event: parton {@code id} (1–5 gives q q̄, 21 gives g g) with the two given massless
     * momenta, showered, hadronised and decayed at a hard-scatter vertex.
     */
    public TruthEvent pairEvent(int id, FourMomentum p1, FourMomentum p2, RandomStream rng, boolean withPileup) {
        if (!(id == 21 || (id >= 1 && id <= 5))) {
            throw new IllegalArgumentException("pair parton id must be 1-5 or 21, got " + id);
        }
        ParticleBuffer buf = new ParticleBuffer();
        double z0 = rng.gaussian(0, settings.minBias().vertexSigmaZ());
        buf.setInteractionZ(0, z0);
        int[] colour = {0};
        List<Parton> ps = pair(id, p1, p2, 0, colour);
        buf.partons.add(new HardParton(ps.get(0).id, p1));
        buf.partons.add(new HardParton(ps.get(1).id, p2));
        shower.shower(ps, new int[] {-1}, colour, rng);
        emitHadrons(ps, 0, z0, 0, buf, rng);
        if (withPileup) {
            addPileup(buf, rng);
        }
        return buf.build(p1.plus(p2));
    }

    /** One boosted tt̄ event (no pile-up). */
    public TruthEvent ttbarEvent(RandomStream rng) {
        return ttbarEvent(rng, false);
    }

    /** One boosted tt̄ event with t → bW, W → l ν or q q̄', with pile-up from the settings when asked. */
    public TruthEvent ttbarEvent(RandomStream rng, boolean withPileup) {
        // when both W decay leptonically and each b flies towards the other top, the b b̄ colour singlet can be
        // lighter than two B hadrons (about 1 event in 10⁵): such an event is drawn again from the same stream
        Hadroniser.Failure last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                return ttbarOnce(rng, withPileup);
            } catch (Hadroniser.Failure e) {
                last = e;
            }
        }
        throw last;
    }

    private TruthEvent ttbarOnce(RandomStream rng, boolean withPileup) {
        ProcessParameters pp = settings.process();
        ParticleBuffer buf = new ParticleBuffer();
        double z0 = rng.gaussian(0, settings.minBias().vertexSigmaZ());
        buf.setInteractionZ(0, z0);
        double pt = pp.topFlatPt() ? rng.uniform(pp.topPtMin(), pp.topPtMax())
                : powerLaw(pp.topPtMin(), pp.topPtMax(), pp.topPtPower(), rng);
        double phi = rng.uniform(-Math.PI, Math.PI);
        FourMomentum t = FourMomentum.fromPtYPhiM(pt, topRapidity(rng), phi, topMass(rng));
        FourMomentum tb = FourMomentum.fromPtYPhiM(pt, topRapidity(rng), phi + Math.PI, topMass(rng));
        buf.partons.add(new HardParton(6, t));
        buf.partons.add(new HardParton(-6, tb));
        int[] colour = {1};
        // stage 1: t → b W⁺ and t̄ → b̄ W⁻; the b's radiate with their W as recoiler (top mass preserved)
        List<Parton> stage1 = new ArrayList<>();
        FourMomentum[] d1 = topDecay(t, rng);
        FourMomentum[] d2 = topDecay(tb, rng);
        stage1.add(new Parton(5, d1[0], 1, 0, 0));
        stage1.add(new Parton(24, d1[1], 0, 0, 0));
        stage1.add(new Parton(-5, d2[0], 0, 1, 1));
        stage1.add(new Parton(-24, d2[1], 0, 0, 1));
        buf.partons.add(new HardParton(5, d1[0]));
        buf.partons.add(new HardParton(-5, d2[0]));
        shower.shower(stage1, new int[] {1, 3}, colour, rng);
        FourMomentum wPlus = stage1.get(1).p;
        FourMomentum wMinus = stage1.get(3).p;
        stage1.remove(3);
        stage1.remove(1);
        // stage 2: W decays with the helicity-dependent angle, then showers of hadronic W's
        List<Parton> stage2 = new ArrayList<>();
        wDecay(wPlus, t, +1, 2, stage2, colour, buf, z0, rng);
        wDecay(wMinus, tb, -1, 3, stage2, colour, buf, z0, rng);
        shower.shower(stage2, new int[] {-1, -1, -1, -1}, colour, rng);
        stage1.addAll(stage2);
        emitHadrons(stage1, 0, z0, 0, buf, rng);
        if (withPileup) {
            addPileup(buf, rng);
        }
        return buf.build(t.plus(tb));
    }

    /** One minimum-bias interaction alone, as interaction 0 at its own vertex. */
    public TruthEvent minBiasEvent(RandomStream rng) {
        ParticleBuffer buf = new ParticleBuffer();
        double z = rng.gaussian(0, settings.minBias().vertexSigmaZ());
        buf.setInteractionZ(0, z);
        minBias(buf, 0, z, rng);
        return buf.build(FourMomentum.ZERO);
    }

    // ------------------------------------------------------------------ building blocks

    private static double powerLaw(double lo, double hi, double n, RandomStream rng) {
        double u = rng.uniform();
        if (Math.abs(n - 1.0) < 1e-9) {
            return lo * Math.pow(hi / lo, u);
        }
        double a = Math.pow(lo, 1 - n);
        double b = Math.pow(hi, 1 - n);
        return Math.pow(a + u * (b - a), 1.0 / (1 - n));
    }

    private double topRapidity(RandomStream rng) {
        ProcessParameters pp = settings.process();
        while (true) {
            double y = rng.gaussian(0, pp.topRapiditySigma());
            if (Math.abs(y) < pp.topRapidityMax()) {
                return y;
            }
        }
    }

    private double topMass(RandomStream rng) {
        ProcessParameters pp = settings.process();
        return rng.breitWigner(pp.topMass(), pp.topWidth(), pp.topMass() - 15 * Math.max(pp.topWidth(), 0.1),
                pp.topMass() + 15 * Math.max(pp.topWidth(), 0.1));
    }

    /** t → b W in the top rest frame, isotropic; returns {b, W} in the lab. The b is massless. */
    private FourMomentum[] topDecay(FourMomentum top, RandomStream rng) {
        ProcessParameters pp = settings.process();
        double mt = top.m();
        double mw = rng.breitWigner(pp.wMass(), pp.wWidth(), pp.wMass() - 20, Math.min(pp.wMass() + 20, mt - 1.0));
        FourMomentum[] r = Kinematics.phaseSpace(mt, new double[] {0.0, mw}, rng);
        return new FourMomentum[] {Kinematics.fromRest(r[0], top, mt), Kinematics.fromRest(r[1], top, mt)};
    }

    /**
     * W^{sign} decay: channel e ν 10.8 %, μ ν 10.6 %, τ ν 11.3 %, u d̄ and c s̄ 33.65 % each; the down-type
     * member (charged lepton, d̄ / s̄ for W⁺) has cos θ* relative to the W direction in the top rest frame drawn
     * from F0 (3/4)(1−c²) + FL (3/8)(1−c)² + FR (3/8)(1+c)².
     */
    private void wDecay(FourMomentum w, FourMomentum top, int sign, int system, List<Parton> partons, int[] colour,
                        ParticleBuffer buf, double z0, RandomStream rng) {
        ProcessParameters pp = settings.process();
        double u = rng.uniform();
        int down;
        int up;
        boolean hadronic = false;
        if (u < 0.108) {
            down = -11 * sign;
            up = 12 * sign;
        } else if (u < 0.214) {
            down = -13 * sign;
            up = 14 * sign;
        } else if (u < 0.327) {
            down = -15 * sign;
            up = 16 * sign;
        } else {
            hadronic = true;
            boolean ud = rng.uniform() < 0.5;
            down = (ud ? -1 : -3) * sign;
            up = (ud ? 2 : 4) * sign;
        }
        double c;
        double h = rng.uniform();
        double fr = Math.max(0.0, 1.0 - pp.wHelicityF0() - pp.wHelicityFL());
        if (h < pp.wHelicityF0()) {
            do {
                c = rng.uniform(-1, 1);
            } while (rng.uniform() > 1 - c * c);
        } else if (h < pp.wHelicityF0() + pp.wHelicityFL() || fr == 0) {
            c = 1.0 - 2.0 * Math.cbrt(rng.uniform());
        } else {
            c = 2.0 * Math.cbrt(rng.uniform()) - 1.0;
        }
        double mw = Math.sqrt(w.m2());
        double mt = Math.sqrt(top.m2());
        FourMomentum wInTop = Kinematics.toRest(w, top);
        double[] a = Kinematics.axes(wInTop);
        double nx = a[0];
        double ny = a[1];
        double nz = a[2];
        double md = hadronic ? 0 : Species.mass(down);
        double mu = hadronic ? 0 : Species.mass(up);
        double p = Kinematics.twoBodyMomentum(mw, md, mu);
        double s = Math.sqrt(Math.max(0, 1 - c * c));
        double ph = 2 * Math.PI * rng.uniform();
        double dx = p * (c * nx + s * (Math.cos(ph) * a[3] + Math.sin(ph) * a[6]));
        double dy = p * (c * ny + s * (Math.cos(ph) * a[4] + Math.sin(ph) * a[7]));
        double dz = p * (c * nz + s * (Math.cos(ph) * a[5] + Math.sin(ph) * a[8]));
        FourMomentum dRest = new FourMomentum(dx, dy, dz, Math.sqrt(p * p + md * md));
        // W rest frame → top rest frame → lab; the up-type member takes w − d so the pair sums to w exactly
        FourMomentum dFinal = Kinematics.fromRest(Kinematics.fromRest(dRest, wInTop, mw), top, mt);
        FourMomentum uFinal = w.minus(dFinal);
        if (hadronic) {
            int tag = ++colour[0];
            Parton q = new Parton(up, uFinal, up > 0 ? tag : 0, up > 0 ? 0 : tag, system);
            Parton qb = new Parton(down, dFinal, down > 0 ? tag : 0, down > 0 ? 0 : tag, system);
            partons.add(q);
            partons.add(qb);
            buf.partons.add(new HardParton(up, uFinal));
            buf.partons.add(new HardParton(down, dFinal));
        } else {
            decayer.process(down, dFinal, 0, 0, z0, 0, 0, buf, rng);
            decayer.process(up, uFinal, 0, 0, z0, 0, 0, buf, rng);
        }
    }

    private static List<Parton> pair(int id, FourMomentum p1, FourMomentum p2, int system, int[] colour) {
        List<Parton> ps = new ArrayList<>();
        int c = ++colour[0];
        if (id == 21) {
            int a = ++colour[0];
            ps.add(new Parton(21, p1, c, a, system));
            ps.add(new Parton(21, p2, a, c, system));
        } else {
            ps.add(new Parton(id, p1, c, 0, system));
            ps.add(new Parton(-id, p2, 0, c, system));
        }
        return ps;
    }

    /** Hadronises the (showered, colour-singlet) partons and decays everything at vertex (x0, 0, z0). */
    private void emitHadrons(List<Parton> ps, double x0, double z0, int interaction, ParticleBuffer buf,
                             RandomStream rng) {
        List<Parton> coloured = new ArrayList<>(ps.size());
        for (Parton p : ps) {
            if (!p.isRecoilerOnly()) {
                coloured.add(p);
            }
        }
        for (Hadroniser.Hadron h : hadroniser.hadronise(coloured, rng)) {
            decayer.process(h.pdg(), h.p(), x0, 0, z0, interaction, 0, buf, rng);
        }
    }

    private void addPileup(ParticleBuffer buf, RandomStream rng) {
        int n = settings.pileup().draw(rng);
        for (int k = 1; k <= n; k++) {
            double z = rng.gaussian(0, settings.minBias().vertexSigmaZ());
            buf.setInteractionZ(k, z);
            minBias(buf, k, z, rng);
        }
    }

    /** Relative dN/dη: 1 on |η| &lt; 2.5, then a linear fall to 0.6 at |η| = 4 (and on, not below 0.2). */
    private static double etaShape(double eta) {
        double a = Math.abs(eta);
        return a <= 2.5 ? 1.0 : Math.max(0.2, 1.0 - 0.4 * (a - 2.5) / 1.5);
    }

    private double etaIntegral() {
        double m = settings.minBias().etaMax();
        double s = 0;
        int n = 500;
        for (int i = 0; i < n; i++) {
            s += etaShape((i + 0.5) * m / n) * m / n;
        }
        return 2 * s;
    }

    private double sampleEta(RandomStream rng) {
        double m = settings.minBias().etaMax();
        while (true) {
            double eta = rng.uniform(-m, m);
            if (rng.uniform() <= etaShape(eta)) {
                return eta;
            }
        }
    }

    /** Tsallis–Lévy pT: pT/a ~ BetaPrime(2, n − 2), a = ⟨pT⟩(n − 3)/2 so that the mean is ⟨pT⟩. */
    private double samplePt(RandomStream rng) {
        MinBiasParameters mb = settings.minBias();
        double a = mb.meanPt() * (mb.tsallisN() - 3) / 2;
        return a * rng.gamma(2.0) / rng.gamma(mb.tsallisN() - 2);
    }

    /** Appends one minimum-bias interaction k at vertex z. */
    void minBias(ParticleBuffer buf, int k, double z, RandomStream rng) {
        MinBiasParameters mb = settings.minBias();
        int nch = rng.negativeBinomial(mb.dNchdEta() * etaIntegral(), mb.negativeBinomialK());
        int nPions = 0;
        for (int i = 0; i < nch; i++) {
            int sign = (i & 1) == 0 ? 1 : -1;
            double u = rng.uniform();
            int id = u < 0.82 ? 211 : u < 0.94 ? 321 : 2212;
            if (id == 211) {
                nPions++;
            }
            soft(sign * id, buf, k, z, rng);
        }
        int n0 = rng.poisson(mb.pi0PerChargedPion() * nPions);
        for (int i = 0; i < n0; i++) {
            soft(111, buf, k, z, rng);
        }
        int nn = rng.poisson(mb.neutralHadronFraction() * nch);
        for (int i = 0; i < nn; i++) {
            double u = rng.uniform();
            soft(u < 0.5 ? 130 : u < 0.75 ? 2112 : -2112, buf, k, z, rng);
        }
        if (rng.uniform() < mb.minijetFraction()) {
            // a light minijet pair whose shower made a heavy-quark pair may be too light for its hadrons: redraw
            for (int attempt = 0; ; attempt++) {
                double pt = powerLaw(mb.minijetPtMin(), mb.minijetPtMax(), 4.0, rng);
                double phi = rng.uniform(-Math.PI, Math.PI);
                double em = Math.min(mb.etaMax(), 2.5);
                FourMomentum p1 = FourMomentum.fromPtEtaPhiM(pt, rng.uniform(-em, em), phi, 0);
                FourMomentum p2 = FourMomentum.fromPtEtaPhiM(pt, rng.uniform(-em, em), phi + Math.PI, 0);
                int[] colour = {0};
                List<Parton> ps = pair(rng.uniform() < 0.7 ? 21 : 1 + rng.nextInt(3), p1, p2, 0, colour);
                shower.shower(ps, new int[] {-1}, colour, rng);
                try {
                    emitHadrons(ps, 0, z, k, buf, rng); // appends nothing when hadronisation fails
                    break;
                } catch (Hadroniser.Failure e) {
                    if (attempt == 9) {
                        throw e;
                    }
                }
            }
        }
    }

    private void soft(int id, ParticleBuffer buf, int k, double z, RandomStream rng) {
        FourMomentum p = FourMomentum.fromPtEtaPhiM(samplePt(rng), sampleEta(rng), rng.uniform(-Math.PI, Math.PI),
                Species.mass(id));
        decayer.process(id, p, 0, 0, z, k, 0, buf, rng);
    }
}
