package org.jetbridge.core;

/**
 * An immutable four-momentum (px, py, pz, E) in GeV, E-scheme arithmetic.
 *
 * <p>Conventions follow what jet physicists expect from FastJet: azimuth φ in (−π, π] from {@link #phi()}
 * (and in [0, 2π) from {@link #phi02pi()}), rapidity y = ½ ln((E+pz)/(E−pz)) computed in a form that is
 * stable for massless and near-collinear-to-beam vectors, with tachyonic m² treated as zero mass for the
 * rapidity; {@link #m()} is √m² or −√(−m²) when m² &lt; 0. Vectors along the beam (pT = 0, E = |pz|) get
 * rapidity ±({@link #MAX_RAPIDITY} + |pz|) so that they are ordered but never inside any jet.
 */
public record FourMomentum(double px, double py, double pz, double e) {

    /** Rapidity assigned to vectors exactly along the beam (plus |pz|). */
    public static final double MAX_RAPIDITY = 1e5;

    public static final FourMomentum ZERO = new FourMomentum(0, 0, 0, 0);

    /** From transverse momentum, rapidity, azimuth and mass (GeV, radians). */
    public static FourMomentum fromPtYPhiM(double pt, double y, double phi, double m) {
        double mt = Math.sqrt(pt * pt + m * m);
        return new FourMomentum(pt * Math.cos(phi), pt * Math.sin(phi), mt * Math.sinh(y), mt * Math.cosh(y));
    }

    /** From transverse momentum, pseudorapidity, azimuth and mass (GeV, radians). */
    public static FourMomentum fromPtEtaPhiM(double pt, double eta, double phi, double m) {
        double pz = pt * Math.sinh(eta);
        double p2 = pt * pt + pz * pz;
        return new FourMomentum(pt * Math.cos(phi), pt * Math.sin(phi), pz, Math.sqrt(p2 + m * m));
    }

    public double pt2() {
        return px * px + py * py;
    }

    public double pt() {
        return Math.sqrt(pt2());
    }

    /** |p|² in GeV². */
    public double p2() {
        return px * px + py * py + pz * pz;
    }

    public double p() {
        return Math.sqrt(p2());
    }

    /** m² = E² − |p|² in GeV², may be negative through rounding or by construction. */
    public double m2() {
        return (e + pz) * (e - pz) - pt2();
    }

    /** Signed mass: √m², or −√(−m²) for a tachyonic vector. */
    public double m() {
        double m2 = m2();
        return m2 < 0 ? -Math.sqrt(-m2) : Math.sqrt(m2);
    }

    /** Transverse mass squared, E² − pz². */
    public double mt2() {
        return (e + pz) * (e - pz);
    }

    /** Rapidity; see the class comment for the beam-axis and tachyon conventions. */
    public double rapidity() {
        return rapidity(px, py, pz, e);
    }

    /** Rapidity of the given components, same conventions as {@link #rapidity()}. */
    public static double rapidity(double px, double py, double pz, double e) {
        double pt2 = px * px + py * py;
        if (pt2 == 0.0 && e == Math.abs(pz)) {
            double max = MAX_RAPIDITY + Math.abs(pz);
            return pz >= 0.0 ? max : -max;
        }
        double m2 = (e + pz) * (e - pz) - pt2;
        double effM2 = Math.max(0.0, m2);
        double ePlusAbsPz = e + Math.abs(pz);
        double y = 0.5 * Math.log((pt2 + effM2) / (ePlusAbsPz * ePlusAbsPz));
        return pz > 0 ? -y : y;
    }

    /** Pseudorapidity η = −ln tan(θ/2); ±infinity along the beam. */
    public double eta() {
        double pt = pt();
        if (pt == 0.0) {
            return pz == 0.0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, pz);
        }
        double x = pz / pt;
        // asinh(x) = sign(x) ln(|x| + sqrt(x² + 1)), written to stay accurate for large |x|
        double ax = Math.abs(x);
        double r = Math.log(ax + Math.sqrt(ax * ax + 1.0));
        return x < 0 ? -r : r;
    }

    /** Azimuth in (−π, π]; 0 when pT = 0. */
    public double phi() {
        return phiStd(px, py);
    }

    /** Azimuth in [0, 2π); 0 when pT = 0. */
    public double phi02pi() {
        return phi02pi(px, py);
    }

    /** Azimuth of (px, py) in [0, 2π); 0 when both vanish. */
    public static double phi02pi(double px, double py) {
        if (px == 0.0 && py == 0.0) {
            return 0.0;
        }
        double phi = Math.atan2(py, px);
        if (phi < 0.0) {
            phi += Angles.TWO_PI;
        }
        if (phi >= Angles.TWO_PI) {
            phi -= Angles.TWO_PI;
        }
        return phi;
    }

    /** Azimuth of (px, py) in (−π, π]; 0 when both vanish. */
    public static double phiStd(double px, double py) {
        if (px == 0.0 && py == 0.0) {
            return 0.0;
        }
        double phi = Math.atan2(py, px);
        return phi == -Math.PI ? Math.PI : phi;
    }

    public FourMomentum plus(FourMomentum o) {
        return new FourMomentum(px + o.px, py + o.py, pz + o.pz, e + o.e);
    }

    public FourMomentum minus(FourMomentum o) {
        return new FourMomentum(px - o.px, py - o.py, pz - o.pz, e - o.e);
    }

    public FourMomentum times(double s) {
        return new FourMomentum(px * s, py * s, pz * s, e * s);
    }

    /** ΔR² = Δy² + Δφ² with rapidity y and Δφ brought into [−π, π]. */
    public double deltaR2(FourMomentum o) {
        double dy = rapidity() - o.rapidity();
        double dphi = Angles.deltaPhi(phi02pi(), o.phi02pi());
        return dy * dy + dphi * dphi;
    }

    public double deltaR(FourMomentum o) {
        return Math.sqrt(deltaR2(o));
    }

    /** Minkowski product E·E' − p·p'. */
    public double dot(FourMomentum o) {
        return e * o.e - px * o.px - py * o.py - pz * o.pz;
    }

    /** True when every component is finite. */
    public boolean isFinite() {
        return Double.isFinite(px) && Double.isFinite(py) && Double.isFinite(pz) && Double.isFinite(e);
    }

    /** The same vector boosted along z by rapidity dy (y → y + dy, pT and φ unchanged). */
    public FourMomentum boostZ(double dy) {
        double ch = Math.cosh(dy);
        double sh = Math.sinh(dy);
        return new FourMomentum(px, py, pz * ch + e * sh, e * ch + pz * sh);
    }

    /** The same vector rotated by angle a about the beam axis. */
    public FourMomentum rotateZ(double a) {
        double c = Math.cos(a);
        double s = Math.sin(a);
        return new FourMomentum(c * px - s * py, s * px + c * py, pz, e);
    }

    /** Sum of a collection of vectors. */
    public static FourMomentum sum(Iterable<FourMomentum> vs) {
        double x = 0, y = 0, z = 0, t = 0;
        for (FourMomentum v : vs) {
            x += v.px;
            y += v.py;
            z += v.pz;
            t += v.e;
        }
        return new FourMomentum(x, y, z, t);
    }
}
