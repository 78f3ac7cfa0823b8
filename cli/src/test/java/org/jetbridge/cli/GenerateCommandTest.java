package org.jetbridge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.jetbridge.cli.CliRunner.Result;
import org.jetbridge.io.hdf5.MinBiasPool;
import org.jetbridge.io.hdf5.PythonH5py;
import org.jetbridge.io.hdf5.RowBatch;
import org.jetbridge.io.hdf5.TaggingDataset;
import org.jetbridge.io.hdf5.TopJetDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @TempDir
    Path dir;

    private Path generate(String process, String name, String... more) {
        Path out = dir.resolve(name);
        String[] base = {"generate", process, "--output", out.toString(), "-q"};
        String[] args = Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
        Result r = CliRunner.run(args);
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.isRegularFile(out));
        return out;
    }

    @Test
    void flavourFileHasTheTaggingSchemaForOurReaderAndH5py() throws Exception {
        Path file = generate("flavour", "flavour.h5", "--events", "300", "--seed", "11", "--threads", "2");
        try (TaggingDataset.Reader r = TaggingDataset.open(file)) {
            assertEquals(64, r.maxConstituents());
            assertTrue(r.jets() > 150, "jets: " + r.jets());
            Map<String, Object> m = r.metadata();
            assertEquals(11L, m.get("seed"));
            assertEquals("nominal", m.get("preset"));
            assertEquals("flavour", m.get("process"));
            assertEquals(300L, m.get("events"));
            assertEquals(0.4, m.get("jet_radius"));
            assertEquals(1L, m.get("shower.muR"));
            int[] labels = new int[3];
            int f = TaggingDataset.CONSTITUENT_FEATURES.size();
            for (RowBatch b : r.batches(64)) {
                byte[] mask = b.bytes(TaggingDataset.MASK);
                float[] jets = b.floats(TaggingDataset.JETS);
                float[] cs = b.floats(TaggingDataset.CONSTITUENTS);
                int[] fl = b.ints(TaggingDataset.FLAVOUR);
                for (int j = 0; j < b.rows(); j++) {
                    int real = 0;
                    for (int i = 0; i < 64; i++) {
                        real += mask[j * 64 + i];
                    }
                    int n = (int) jets[j * 5 + 4];
                    assertEquals(Math.min(n, 64), real, "jet " + (b.startRow() + j));
                    labels[fl[j]]++;
                    // tracks carry an impact-parameter error, neutrals none: the detector ran
                    for (int i = 0; i < real; i++) {
                        float charge = cs[(j * 64 + i) * f + 9];
                        float d0err = cs[(j * 64 + i) * f + 6];
                        assertEquals(charge != 0, d0err > 0, "jet " + j + " constituent " + i);
                    }
                }
            }
            assertTrue(labels[0] > 0 && labels[1] > 0 && labels[2] > 0, "all three flavours present");
        }
        PythonH5py.assumeAvailable();
        assertEquals("OK", PythonH5py.run(dir, "check_generated.py", "flavour", file.toString(), "11", "nominal")
                .strip());
    }

    @Test
    void ttbarAndMinBiasFilesHaveTheirSchemas() throws Exception {
        Path tops = generate("ttbar", "tops.h5", "--events", "200", "--seed", "4");
        Path pool = generate("minbias", "pool.h5", "--events", "150", "--seed", "4", "--preset", "data");
        try (TopJetDataset.Reader r = TopJetDataset.open(tops)) {
            assertEquals(200, r.maxConstituents());
            assertTrue(r.jets() > 60 && r.jets() <= 200, "jets: " + r.jets());
            assertEquals(1.0, r.metadata().get("jet_radius"));
        }
        try (MinBiasPool.Reader r = MinBiasPool.open(pool)) {
            assertEquals(150, r.interactions());
            // ⟨dN_ch/dη⟩ = 6 on |η| < 2.5 plus neutrals: some hundred particles per interaction on average
            assertTrue(r.particles() > 150 * 20, "particles: " + r.particles());
            assertEquals("data", r.metadata().get("preset"));
        }
        PythonH5py.assumeAvailable();
        assertEquals("OK", PythonH5py.run(dir, "check_generated.py", "ttbar", tops.toString(), "4", "nominal").strip());
        assertEquals("OK", PythonH5py.run(dir, "check_generated.py", "minbias", pool.toString(), "4", "data").strip());
    }

    @Test
    void sameSeedGivesTheSameBytesWhateverTheThreads() throws IOException {
        Path one = generate("flavour", "t1.h5", "--events", "150", "--seed", "9", "--threads", "1");
        Path two = generate("flavour", "t2.h5", "--events", "150", "--seed", "9", "--threads", "2");
        Path other = generate("flavour", "t3.h5", "--events", "150", "--seed", "10", "--threads", "2");
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(one), Files.readAllBytes(other)),
                "a different seed must give different jets");
        Path m1 = generate("minbias", "m1.h5", "--events", "40", "--seed", "9", "--threads", "1");
        Path m2 = generate("minbias", "m2.h5", "--events", "40", "--seed", "9", "--threads", "2");
        assertArrayEquals(Files.readAllBytes(m1), Files.readAllBytes(m2));
    }

    @Test
    void dataPresetAndOverridesReachTheMetadata() throws IOException {
        Path config = dir.resolve("over.json");
        Files.writeString(config, "{\n  \"hadronisation.sigmaPt\": 0.4,\n  \"shower.muR\": 1.5\n}\n");
        Path nominal = generate("flavour", "n.h5", "--events", "20", "--config", config.toString(),
                "--set", "shower.muR=1.25", "--pt-min", "40", "--fractions", "b=1,c=0,light=0,gluon=0");
        Path data = generate("flavour", "d.h5", "--events", "20", "--preset", "data", "--particle-level");
        try (TaggingDataset.Reader n = TaggingDataset.open(nominal); TaggingDataset.Reader d = TaggingDataset.open(data)) {
            Map<String, Object> mn = n.metadata();
            Map<String, Object> md = d.metadata();
            assertEquals(0.4, mn.get("hadronisation.sigmaPt"));
            assertEquals(1.25, mn.get("shower.muR"), "--set comes after --config");
            assertEquals(40L, mn.get("process.flavourPtMin"));
            assertEquals(0L, mn.get("process.fractionCC"));
            assertEquals(2L, md.get("shower.muR"));
            assertNotEquals(mn.get("detector.trackEfficiencyBarrel"), md.get("detector.trackEfficiencyBarrel"));
            assertEquals("true", md.get("detector.particleLevel"));
            for (RowBatch b : n.batches(100)) {
                for (int fl : java.util.Arrays.copyOf(b.ints(TaggingDataset.FLAVOUR), b.rows())) {
                    assertTrue(fl == TaggingDataset.BOTTOM || fl == TaggingDataset.LIGHT, "b b-bar events only");
                }
            }
            for (RowBatch b : d.batches(100)) {
                float[] cs = b.floats(TaggingDataset.CONSTITUENTS);
                for (int i = 0; i < b.rows() * 64; i++) {
                    assertEquals(0f, cs[i * 11 + 6], "particle level: no d0 error");
                }
            }
        }
    }

    @Test
    void pileupInFlavourEventsAddsSoftConstituentsToTheJets() throws IOException {
        Path clean = generate("flavour", "clean.h5", "--events", "120", "--seed", "8", "--fractions",
                "b=0,c=0,light=1,gluon=0");
        Path dirty = generate("flavour", "dirty.h5", "--events", "120", "--seed", "8", "--fractions",
                "b=0,c=0,light=1,gluon=0", "--mu", "80");
        double[] mean = new double[2];
        Path[] files = {clean, dirty};
        for (int f = 0; f < 2; f++) {
            try (TaggingDataset.Reader r = TaggingDataset.open(files[f])) {
                Object p = r.metadata().get("pileup"); // a Boolean attribute is stored as int8
                assertEquals(f == 1, p instanceof Boolean on ? on : ((Number) p).intValue() != 0, "pileup: " + p);
                long n = 0;
                double sum = 0;
                for (RowBatch b : r.batches(100)) {
                    for (int j = 0; j < b.rows(); j++) {
                        sum += b.floats(TaggingDataset.JETS)[j * 5 + 4];
                        n++;
                    }
                }
                mean[f] = sum / n;
            }
        }
        // 80 interactions put roughly 80 x 0.16 x 6 charged + neutral particles per unit area into an R = 0.4 cone
        assertTrue(mean[1] > mean[0] + 5, "constituents per jet without / with pile-up: " + mean[0] + " / "
                + mean[1]);
    }
}
