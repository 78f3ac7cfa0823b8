package org.jetbridge.core.area;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jetbridge.core.FourMomentum;

/**
 * One set of ghosts laid out as {@link AreaDefinition} describes: their momenta (GeV, for clustering) and, per
 * ghost, the area four-vector it contributes (a massless vector of pT = ghost area along the ghost), as flat
 * arrays.
 */
final class Ghosts {
    final List<FourMomentum> momenta;
    final double[] ax, ay, az, ae;
    final double cellArea;

    private Ghosts(int n, double cellArea) {
        this.momenta = new ArrayList<>(n);
        this.ax = new double[n];
        this.ay = new double[n];
        this.az = new double[n];
        this.ae = new double[n];
        this.cellArea = cellArea;
    }

    static Ghosts generate(AreaDefinition def, SplittableRandom rng) {
        int nRap = def.rapidityRowsPerSide();
        int nPhi = def.phiColumns();
        double dRap = def.ghostMaxRapidity() / nRap;
        double dPhi = 2 * Math.PI / nPhi;
        double area = def.actualGhostArea();
        Ghosts g = new Ghosts(2 * nRap * nPhi, area);
        int k = 0;
        for (int i = -nRap; i < nRap; i++) {
            for (int j = 0; j < nPhi; j++) {
                double y = (i + 0.5) * dRap + def.gridScatter() * dRap * (rng.nextDouble() - 0.5);
                double phi = (j + 0.5) * dPhi + def.gridScatter() * dPhi * (rng.nextDouble() - 0.5);
                double pt = def.meanGhostPt() * (1 + def.ptScatter() * (rng.nextDouble() - 0.5));
                g.momenta.add(FourMomentum.fromPtYPhiM(pt, y, phi, 0.0));
                double c = Math.cos(phi);
                double s = Math.sin(phi);
                g.ax[k] = area * c;
                g.ay[k] = area * s;
                g.az[k] = area * Math.sinh(y);
                g.ae[k] = area * Math.cosh(y);
                k++;
            }
        }
        return g;
    }
}
