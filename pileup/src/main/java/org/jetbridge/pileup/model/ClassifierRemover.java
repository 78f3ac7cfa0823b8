package org.jetbridge.pileup.model;

import java.util.ArrayList;
import java.util.List;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.pileup.ContaminatedJet;
import org.jetbridge.pileup.JetEstimate;
import org.jetbridge.pileup.PileupRemover;
import org.jetbridge.sim.Constituents;
import org.jetbridge.sim.RandomStream;

/**
 * The learned per-particle classifier as a pile-up method: keeps the observed constituents (as they are, among the
 * leading maxObserved by pT) whose P(hard scatter) is at least the threshold; one estimate per jet.
 */
final class ClassifierRemover implements PileupRemover {
    static final int PASS = 256;
    private static final long LEVEL_SALT = 0x434C4153L;

    private final PileupModel model;
    private final double threshold;

    ClassifierRemover(PileupModel model, double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("classifier threshold: expected in [0, 1], got " + threshold);
        }
        this.model = model;
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return String.format(java.util.Locale.ROOT, "classifier(p≥%.2f)", threshold);
    }

    @Override
    public List<List<JetEstimate>> estimate(List<ContaminatedJet> jets, long seed) {
        PileupConfig c = model.config();
        List<List<JetEstimate>> out = new ArrayList<>(jets.size());
        for (int s = 0; s < jets.size(); s += PASS) {
            List<ContaminatedJet> part = jets.subList(s, Math.min(jets.size(), s + PASS));
            List<EncodedJet> enc = new ArrayList<>(part.size());
            for (int j = 0; j < part.size(); j++) {
                enc.add(TrainingExamples.observed(part.get(j), c, RandomStream.forEvent(seed ^ LEVEL_SALT, s + j)));
            }
            float[][] p = model.hardScatterProbabilities(enc);
            for (int j = 0; j < part.size(); j++) {
                Constituents o = part.get(j).observed();
                int[] order = JetFeatures.byPt(o);
                List<FourMomentum> kept = new ArrayList<>();
                for (int k = 0; k < p[j].length; k++) {
                    if (p[j][k] >= threshold) {
                        kept.add(o.momentum(order[k]));
                    }
                }
                out.add(List.of(JetEstimate.of(kept)));
            }
        }
        return out;
    }
}
