package org.jetbridge.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a timing script in Debian's python3-torch ({@code /usr/bin/python3}) for the side-by-side benchmarks. The
 * script prints its numbers, whitespace-separated, on its last line. {@code -Dnn.bench.pythonLibraryPath=DIR} runs
 * it with {@code LD_LIBRARY_PATH=DIR} (e.g. Debian's OpenBLAS unpacked aside, without touching the system BLAS).
 */
final class PythonTorch {
    static final String LIBRARY_PATH = "nn.bench.pythonLibraryPath";
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private PythonTorch() {
    }

    /** Who the python side is, for table headers: "python3-torch" plus its BLAS. */
    static String label() {
        String lib = System.getProperty(LIBRARY_PATH);
        return "python3-torch" + (lib == null ? " (system BLAS)" : " (LD_LIBRARY_PATH " + lib + ")");
    }

    /** The numbers on the script's last line, or null (with the reason printed) when python3-torch is unusable. */
    static double[] run(String script, List<String> args, int threads) throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            System.out.println("python3-torch: " + PYTHON + " missing, skipped");
            return null;
        }
        Path file = Files.createTempFile("jetbridge-bench", ".py");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), file.toString()));
            cmd.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            String lib = System.getProperty(LIBRARY_PATH);
            if (lib != null) {
                pb.environment().put("LD_LIBRARY_PATH", lib);
            }
            pb.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
            pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
            Process proc = pb.start();
            String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!proc.waitFor(10, TimeUnit.MINUTES) || proc.exitValue() != 0) {
                System.out.println("python3-torch failed (apt-get install python3-torch?): " + out);
                return null;
            }
            String[] last = out.lines().reduce((a, b) -> b).orElse("").trim().split("\\s+");
            double[] v = new double[last.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = Double.parseDouble(last[i]);
            }
            return v;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
