package org.jetbridge.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our pre-LN transformer + class token + MLP head against the same weights in PyTorch's own modules. */
class TorchOracleTest {

    @Test
    void forwardAndGradientsMatchPyTorchModules(@TempDir Path dir) throws Exception {
        TorchOracle.requireTorch();
        NnRuntime rt = TestRuntime.get();
        int features = 5;
        int dim = 16;
        int heads = 4;
        int layers = 2;
        int hidden = 32;
        int[] headWidths = {dim, 24, 8, 3};
        int batch = 3;
        int n = 6;
        try (ParameterStore store = new ParameterStore(rt, 11); NDManager m = rt.newManager()) {
            Linear embed = new Linear(store, "embed", features, dim);
            Tokens cls = new Tokens(store, "cls", 1, dim);
            TransformerEncoder enc = new TransformerEncoder(store, "enc",
                    new TransformerEncoder.Config(dim, layers, heads, hidden, FeedForward.Kind.GELU));
            MlpHead head = new MlpHead(store, "head", headWidths);
            // Non-trivial LayerNorm affine parameters so that the oracle checks them too.
            SplittableRandom r = new SplittableRandom(5);
            for (String name : store.names()) {
                if (name.contains("norm")) {
                    NDArray p = store.get(name);
                    float[] v = p.toFloatArray();
                    for (int i = 0; i < v.length; i++) {
                        v[i] += (float) (0.3 * (r.nextDouble() - 0.5));
                    }
                    p.set(v);
                }
            }
            float[] x = new float[batch * n * features];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (2 * r.nextDouble() - 1);
            }
            float[] mask = {1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0};

            float[] lossWeights = new float[batch * 3];
            for (int i = 0; i < lossWeights.length; i++) {
                lossWeights[i] = (float) (2 * r.nextDouble() - 1);
            }

            NDArray xs = m.create(x, new Shape(batch, n, features));
            NDArray ms = m.create(mask, new Shape(batch, n));
            NDArray lw = m.create(lossWeights, new Shape(batch, 3));
            NDArray tokens;
            List<NDArray> pre;
            Map<String, HostArray> grads = new LinkedHashMap<>();
            try (GradientCollector gc = rt.engine().newGradientCollector()) {
                tokens = enc.forward(cls.prepend(embed.forward(xs)), cls.prependMask(ms));
                pre = head.preActivations(tokens.get(":, 0, :"));
                gc.backward(pre.get(pre.size() - 1).mul(lw).sum());
            }
            for (ParameterStore.Parameter p : store.parameters()) {
                try (NDArray g = p.array().getGradient()) {
                    grads.put(p.name(), HostArray.of(g));
                }
            }

            Map<String, HostArray> in = new LinkedHashMap<>(store.snapshot());
            in.put("config", HostArray.ofLongs(new long[] {dim, heads, layers, hidden, features}, 5));
            long[] hw = new long[headWidths.length];
            for (int i = 0; i < hw.length; i++) {
                hw[i] = headWidths[i];
            }
            in.put("head_widths", HostArray.ofLongs(hw, hw.length));
            in.put("x", HostArray.of(xs));
            in.put("mask", HostArray.of(ms));
            in.put("loss_weights", HostArray.of(lw));
            Path inPath = dir.resolve("in.npz");
            Path outPath = dir.resolve("out.npz");
            Npz.write(inPath, in);
            TorchOracle.run("transformer_forward.py", inPath.toString(), outPath.toString());
            Map<String, HostArray> expected = Npz.read(outPath).arrays();

            assertClose(expected.get("tokens"), HostArray.of(tokens), "encoder tokens");
            for (int i = 0; i < pre.size(); i++) {
                assertClose(expected.get("head." + i), HostArray.of(pre.get(i)), "head layer " + i);
            }
            // Backward pass: every parameter's gradient, including the masked attention and the class token.
            assertEquals(store.names().size(), grads.size());
            for (String name : store.names()) {
                assertClose(expected.get("grad/" + name), grads.get(name), "gradient of " + name);
            }
        }
    }

    private static void assertClose(HostArray expected, HostArray actual, String what) {
        assertEquals(List.of(box(expected.shape())), List.of(box(actual.shape())), what + " shape");
        float[] e = expected.toFloats();
        float[] a = actual.toFloats();
        double max = 0;
        for (int i = 0; i < e.length; i++) {
            max = Math.max(max, Math.abs(e[i] - a[i]));
        }
        assertEquals(0, max, 1e-5, what + ": max |torch − ours|");
    }

    private static Long[] box(long[] v) {
        Long[] out = new Long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
