package org.jetbridge.pileup.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jetbridge.nn.HostArray;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.NnSettings;
import org.jetbridge.nn.ParameterStore;
import org.jetbridge.pileup.ContaminatedJet;
import org.jetbridge.pileup.data.HardScatterJet;
import org.jetbridge.sim.GeneratorSettings;
import org.jetbridge.sim.MinBiasPool;
import org.jetbridge.sim.OverlaidJet;
import org.jetbridge.sim.PileupOverlay;
import org.jetbridge.sim.RandomStream;
import org.jetbridge.sim.TopJet;
import org.jetbridge.sim.TopJets;

/** Shared test inputs: a tiny runtime, generated top jets and pool, and networks with non-trivial weights. */
final class Fixtures {
    private static List<HardScatterJet> jets;
    private static MinBiasPool pool;

    private Fixtures() {
    }

    /** The one runtime of the test JVM (2 threads, as every jetbridge test JVM). */
    static NnRuntime runtime() {
        return NnRuntime.start(NnSettings.defaults().withThreads(2));
    }

    /** A tiny config with small μ so that tests run in seconds. */
    static PileupConfig tiny() {
        return PileupConfig.tiny().withMu(20, 5);
    }

    static synchronized List<HardScatterJet> jets() {
        if (jets == null) {
            jets = new ArrayList<>();
            for (TopJet t : new TopJets(GeneratorSettings.nominal()).generate(11, 0, 400, 1)) {
                jets.add(new HardScatterJet(t.constituents(), t.axis()));
            }
        }
        return jets;
    }

    static synchronized MinBiasPool pool() {
        if (pool == null) {
            pool = MinBiasPool.generate(GeneratorSettings.nominal(), 12, 0, 400, 1);
        }
        return pool;
    }

    /** Contaminated jets at fixed N_PU (as an evaluation would see them). */
    static List<ContaminatedJet> contaminated(int n, int nPu, long seed) {
        List<ContaminatedJet> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HardScatterJet h = jets().get(i);
            OverlaidJet o = PileupOverlay.overlay(h.constituents(), h.axis(), pool(), nPu,
                    RandomStream.forEvent(seed, i), TopJets.RADIUS, TopJets.PARTICLE_PT_MIN, TopJets.ETA_MAX, 400);
            out.add(new ContaminatedJet(o.observed(), h.axis(), o.truth(), nPu));
        }
        return out;
    }

    /** Normalisers fitted on a few training examples of {@code c}. */
    static Normalisers normalisers(PileupConfig c) {
        Normalisers n = Normalisers.warmingUp(100);
        for (int i = 0; i < 100; i++) {
            n.observe(TrainingExamples.make(jets().get(i), pool(), c, RandomStream.forEvent(5, i)));
        }
        return n.freeze();
    }

    /** Replaces every parameter by uniform(−0.3, 0.3) noise, so zero-initialised layers do not hide anything. */
    static void randomise(ParameterStore store, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        Map<String, HostArray> m = new HashMap<>();
        for (Map.Entry<String, HostArray> e : store.snapshot().entrySet()) {
            float[] v = new float[(int) e.getValue().size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (r.nextDouble() * 0.6 - 0.3);
            }
            m.put(e.getKey(), HostArray.ofFloats(v, e.getValue().shape()));
        }
        store.load(m, "test");
    }
}
