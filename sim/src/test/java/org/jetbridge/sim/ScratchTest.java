package org.jetbridge.sim;

import org.jetbridge.core.FourMomentum;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void print() {
        Generator g = new Generator(GeneratorSettings.nominal());
        long t0 = System.nanoTime();
        double maxRel = 0; int maxQ = 0;
        double nq = 0, ng = 0; int n = 400;
        double xb = 0; int nb = 0;
        for (int i = 0; i < n; i++) {
            FourMomentum p1 = new FourMomentum(0, 0, 50, 50), p2 = new FourMomentum(0, 0, -50, 50);
            TruthEvent eq = g.pairEvent(1 + i % 3, p1, p2, RandomStream.forEvent(1, i), false);
            TruthEvent egl = g.pairEvent(21, p1, p2, RandomStream.forEvent(2, i), false);
            for (int j = 0; j < eq.size(); j++) if (eq.charge()[j] != 0) nq++;
            for (int j = 0; j < egl.size(); j++) if (egl.charge()[j] != 0) ng++;
            for (TruthEvent e : new TruthEvent[]{eq, egl}) {
                FourMomentum d = e.totalMomentum(0).minus(e.initial());
                maxRel = Math.max(maxRel, Math.sqrt(d.px()*d.px()+d.py()*d.py()+d.pz()*d.pz()+d.e()*d.e()) / 100);
                maxQ = Math.max(maxQ, Math.abs(e.totalCharge(0)));
            }
            FourMomentum b1 = new FourMomentum(0, 0, 45.6, 45.6), b2 = new FourMomentum(0, 0, -45.6, 45.6);
            TruthEvent eb = g.pairEvent(5, b1, b2, RandomStream.forEvent(3, i), false);
            for (HeavyHadron h : eb.heavyHadrons()) if (h.isB()) { xb += h.momentum().e() / 45.6; nb++; }
        }
        for (int id : new int[]{1, 21}) {
            double np = 0, nh = 0; 
            for (int i = 0; i < 200; i++) {
                RandomStream r = RandomStream.forEvent(9, i);
                java.util.List<Parton> ps = new java.util.ArrayList<>();
                ps.add(new Parton(id, new FourMomentum(0, 0, 50, 50), 1, id == 21 ? 2 : 0, 0));
                ps.add(new Parton(id == 21 ? 21 : -id, new FourMomentum(0, 0, -50, 50), id == 21 ? 2 : 0, 1, 0));
                new PartonShower(ShowerParameters.defaults()).shower(ps, new int[]{-1}, new int[]{5}, r);
                np += ps.size();
                nh += new Hadroniser(HadronisationParameters.defaults(), new Decayer(DecayParameters.defaults())).hadronise(ps, r).size();
            }
            System.out.printf("id %d partons/event %.2f primary hadrons/event %.2f%n", id, np / 200, nh / 200);
        }
        System.out.printf("quark Nch/jet %.2f gluon %.2f ratio %.2f  maxRel %.2e maxQ %d  <xB> %.3f (%d)  %.1f ms%n",
            nq / n / 2, ng / n / 2, ng / nq, maxRel, maxQ, xb / nb, nb, (System.nanoTime() - t0) / 1e6);
        double ch = 0, pts = 0, hi = 0, c05 = 0; int nmb = 2000;
        for (int i = 0; i < nmb; i++) {
            TruthEvent m = g.minBiasEvent(RandomStream.forEvent(4, i));
            for (int j = 0; j < m.size(); j++) if (m.charge()[j] != 0) {
                FourMomentum p = m.momentum(j);
                if (Math.abs(p.eta()) < 0.5) c05++;
                if (Math.abs(p.eta()) < 2.5) { ch++; pts += p.pt(); if (p.pt() > 1) hi++; }
            }
        }
        System.out.printf("minbias dN/deta %.2f <pt> %.3f frac>1 %.3f%n", c05 / nmb, pts / ch, hi / ch);
        t0 = System.nanoTime();
        int nt = 200; double np = 0;
        for (int i = 0; i < nt; i++) { TruthEvent t = g.ttbarEvent(RandomStream.forEvent(5, i)); np += t.size();
            FourMomentum d = t.totalMomentum(0).minus(t.initial());
            maxRel = Math.max(maxRel, Math.abs(d.e()) / t.initial().m()); maxQ = Math.max(maxQ, Math.abs(t.totalCharge(0))); }
        System.out.printf("ttbar %.1f particles, %.2f ms/event, maxRel %.2e maxQ %d%n", np / nt, (System.nanoTime() - t0) / 1e6 / nt, maxRel, maxQ);
    }
}
