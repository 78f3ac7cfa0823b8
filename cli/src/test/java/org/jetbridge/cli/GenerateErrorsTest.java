package org.jetbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jetbridge.cli.CliRunner.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input to generate, overlay and --generate: exit 2, one jetbridge line, nothing written. */
class GenerateErrorsTest {
    @TempDir
    static Path shared;
    static Path tops;
    static Path pool;

    @TempDir
    Path dir;

    @BeforeAll
    static void inputs() {
        tops = shared.resolve("tops.h5");
        pool = shared.resolve("pool.h5");
        assertEquals(0, CliRunner.run("generate", "ttbar", "--events", "60", "-o", tops.toString(), "-q").status());
        assertEquals(0, CliRunner.run("generate", "minbias", "--events", "30", "-o", pool.toString(), "-q").status());
    }

    private static Set<String> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    /** Runs a failing command in {@code dir} and checks the status, the message and that nothing appeared. */
    private void fails(String expected, String... args) throws IOException {
        Set<String> before = listing(dir);
        Set<String> sharedBefore = listing(shared);
        String[] resolved = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            resolved[i] = args[i].replace("DIR", dir.toString()).replace("TOPS", tops.toString())
                    .replace("POOL", pool.toString());
        }
        Result r = CliRunner.run(resolved);
        assertEquals(2, r.status(), r.err());
        List<String> lines = r.errLines();
        assertTrue(lines.get(0).startsWith("jetbridge: ") && lines.get(0).contains(expected),
                "expected '" + expected + "' in: " + r.err());
        for (String l : lines.subList(1, lines.size())) {
            assertTrue(l.startsWith("Try 'jetbridge "), "only the usage hint may follow: " + r.err());
        }
        assertEquals(before, listing(dir), "nothing written, no temporary left behind");
        assertEquals(sharedBefore, listing(shared));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "unknown preset 'mc'|generate flavour --events 5 --preset mc -o DIR/x.h5",
        "unknown parameter 'shower.nope'|generate flavour --events 5 --set shower.nope=1 -o DIR/x.h5",
        "unknown parameter group 'foo'|generate ttbar --events 5 --set foo.bar=1 -o DIR/x.h5",
        "muR must be finite and >= 0|generate flavour --events 5 --set shower.muR=NaN -o DIR/x.h5",
        "muR must be finite and >= 0|generate flavour --events 5 --set shower.muR=-1 -o DIR/x.h5",
        "--events must be >= 0, got -5|generate flavour --events -5 -o DIR/x.h5",
        "mu must be finite and >= 0|generate flavour --events 5 --mu -3 -o DIR/x.h5",
        "unknown process 'zz'|generate zz --events 5 -o DIR/x.h5",
        "--mu applies only to 'generate flavour'|generate ttbar --events 5 --mu 20 -o DIR/x.h5",
        "--radius must be in (0, 2]|generate flavour --events 5 --radius 0 -o DIR/x.h5",
        "--fractions: unknown kind 'top'|generate flavour --events 5 --fractions top=1 -o DIR/x.h5",
        "--threads must be >= 1|generate flavour --events 5 --threads 0 -o DIR/x.h5",
        "missing/x.h5|generate flavour --events 5 -o DIR/missing/x.h5",
        "needs up to 99 pile-up interactions per jet, but|overlay --jets TOPS --pool POOL --mu 60 -o DIR/x.h5",
        "--pileup: expected poisson, fixed or gaussian|overlay --jets TOPS --pool POOL --mu 1 --pileup flat -o DIR/x.h5",
        "cannot read as a minimum-bias pool|overlay --jets TOPS --pool TOPS --mu 1 -o DIR/x.h5",
        "cannot read as a top-jet file|overlay --jets POOL --pool POOL --mu 1 -o DIR/x.h5",
        "give either --input or --generate, not both|cluster --input DIR/e.dat --generate ttbar -o DIR/x.csv",
        "missing input: give --input FILE or --generate|observables -o DIR/x.csv",
        "--seed applies only with --generate|cluster --input DIR/e.dat --seed 3 -o DIR/x.csv",
        "--mu does not apply to --generate minbias|cluster --generate minbias --mu 3 -o DIR/x.csv",
        "unknown preset 'mc'|observables --generate ttbar --preset mc -o DIR/x.csv",
    })
    void badInputIsOneLineAndWritesNothing(String expected, String command) throws IOException {
        fails(expected, command.split(" "));
    }

    @Test
    void configFileErrorsNameTheFileAndTheKey() throws IOException {
        Path cfgDir = shared.resolve("cfg");
        Files.createDirectories(cfgDir);
        Path badKey = cfgDir.resolve("bad-key.json");
        Files.writeString(badKey, "{\"shower.muR\": 2,\n \"shower.nope\": 1}");
        fails(badKey + ": key \"shower.nope\": unknown parameter", "generate", "flavour", "--events", "5",
                "--config", badKey.toString(), "-o", dir.resolve("x.h5").toString());
        Path badJson = cfgDir.resolve("bad.json");
        Files.writeString(badJson, "{\"shower.muR\": 2,\n \"shower.q0\": [1]}");
        fails(badJson + " line 2: value of \"shower.q0\" must be a string, number or boolean", "generate", "flavour",
                "--events", "5", "--config", badJson.toString(), "-o", dir.resolve("x.h5").toString());
        fails("nothing.json: cannot read", "generate", "flavour", "--events", "5", "--config",
                cfgDir.resolve("nothing.json").toString(), "-o", dir.resolve("x.h5").toString());
    }
}
