package org.jetbridge.sim;

import java.util.List;
import org.jetbridge.core.*;
import org.junit.jupiter.api.Test;

class Scratch3Test {
    @Test
    void print() {
        FlavourJets fj = new FlavourJets(GeneratorSettings.nominal(), 0.4);
        fj.generate(1, 0, 300, 1);
        long t0 = System.nanoTime();
        List<FlavourJet> jets = fj.generate(1, 1000, 2000, 1);
        double dt = (System.nanoTime() - t0) / 1e9;
        int[] nf = new int[3]; double[] nc = new double[3]; double[] sig = new double[3]; double[] ntr=new double[3];
        for (FlavourJet j : jets) {
            nf[j.flavour()]++; nc[j.flavour()] += j.size();
            // 2nd highest signed d0 significance among tracks
            double[] s = new double[j.size()]; int k = 0;
            for (int i = 0; i < j.size(); i++) if (j.cCharge()[i] != 0) { s[k++] = j.cD0()[i] / j.cD0err()[i]; }
            java.util.Arrays.sort(s, 0, k);
            if (k >= 2 && s[k - 2] > 3) sig[j.flavour()]++;
            ntr[j.flavour()] += k;
        }
        System.out.printf("%d jets in %.2f s = %.0f jets/s; light %d c %d b %d; nconst %.1f %.1f %.1f; ntracks %.1f %.1f %.1f; frac(2nd sd0>3) %.3f %.3f %.3f%n",
            jets.size(), dt, jets.size() / dt, nf[0], nf[1], nf[2], nc[0] / nf[0], nc[1] / nf[1], nc[2] / nf[2],
            ntr[0]/nf[0], ntr[1]/nf[1], ntr[2]/nf[2], sig[0] / nf[0], sig[1] / nf[1], sig[2] / nf[2]);
        GeneratorSettings s = GeneratorSettings.nominal().with("process.topPtMin", "400");
        TopJets tj = new TopJets(s);
        t0 = System.nanoTime();
        List<TopJet> tops = tj.generate(2, 0, 2000, 1);
        dt = (System.nanoTime() - t0) / 1e9;
        int[] h = new int[40];
        for (TopJet t : tops) { int b = (int) ((t.axis().m() - 100) / 5); if (b >= 0 && b < 40) h[b]++; }
        StringBuilder sb = new StringBuilder();
        for (int b = 10; b < 30; b++) sb.append((100 + 5 * b) + ":" + h[b] + " ");
        System.out.printf("top jets %d in %.2f s; %s%n", tops.size(), dt, sb);
    }
}
