package org.jetbridge.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jetbridge.io.InputException;
import org.jetbridge.sim.GeneratorSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The testbed generator's settings on the command line (a picocli mixin): {@code --preset}, {@code --seed},
 * {@code --config FILE.json}, repeatable {@code --set key=value} and {@code --threads}. Parameters resolve in the
 * order preset, config file, {@code --set}, then the command's own options (the last word wins).
 */
public final class GeneratorOptions {
    static final String DEFAULT_PRESET = "nominal";
    static final long DEFAULT_SEED = 1;

    @Option(names = "--preset", paramLabel = "PRESET",
            description = "Generator preset: nominal (the simulation) or data (the mis-modelled pseudo-data: shower "
                    + "muR = 2, extra d0 smearing, tracking efficiency 0.02 lower) (default: nominal).")
    String preset;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "Random seed; the same seed gives the same events whatever the number of threads "
                    + "(default: 1).")
    Long seed;

    @Option(names = "--config", paramLabel = "FILE.json",
            description = "Flat JSON object of parameter overrides, e.g. {\"shower.muR\": 2}, applied after the "
                    + "preset and before --set.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one generator parameter (repeatable), e.g. --set shower.muR=1.5; keys are "
                    + "group.name as written in the output file's attributes.")
    List<String> assignments;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads for event generation (default: the number of cores).")
    Integer threads;

    /** Whether the user gave any of these options (for commands where they only apply with --generate). */
    String firstGiven() {
        return preset != null ? "--preset" : seed != null ? "--seed" : config != null ? "--config"
                : assignments != null ? "--set" : threads != null ? "--threads" : null;
    }

    long seed() {
        return seed == null ? DEFAULT_SEED : seed;
    }

    String presetName() {
        return preset == null ? DEFAULT_PRESET : preset;
    }

    int threads(CommandSpec spec) {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        Usage.atLeast(spec, "--threads", t, 1);
        return t;
    }

    /**
     * The resolved settings: preset, then the config file, then {@code --set}, then {@code commandAssignments}
     * (key=value pairs from the command's own options, named by {@code optionNames} in error messages).
     */
    GeneratorSettings settings(CommandSpec spec, Assignments extra) {
        List<String> commandAssignments = extra.values;
        List<String> optionNames = extra.options;
        GeneratorSettings s;
        try {
            s = GeneratorSettings.preset(presetName());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--preset: " + e.getMessage());
        }
        if (config != null) {
            Map<String, String> entries = FlatJson.read(config);
            for (Map.Entry<String, String> e : entries.entrySet()) {
                try {
                    s = s.with(e.getKey(), e.getValue());
                } catch (IllegalArgumentException ex) {
                    throw new InputException(config.toString(), "key \"" + e.getKey() + "\": " + ex.getMessage());
                }
            }
        }
        for (String a : assignments == null ? List.<String>of() : assignments) {
            try {
                s = s.withAll(List.of(a));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--set " + a + ": " + e.getMessage());
            }
        }
        for (int i = 0; i < commandAssignments.size(); i++) {
            try {
                s = s.withAll(List.of(commandAssignments.get(i)));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), optionNames.get(i) + ": " + e.getMessage());
            }
        }
        return s;
    }

    /**
     * File attributes that make a generated file reproducible: every resolved parameter (numbers as numbers, the
     * rest as text), then seed, process, event count and the jetbridge version.
     */
    static Map<String, Object> metadata(GeneratorSettings settings, long seed, String process, long events) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> e : settings.toMap().entrySet()) {
            m.put(e.getKey(), attributeValue(e.getValue()));
        }
        m.put("seed", seed);
        m.put("process", process);
        m.put("events", events);
        m.put("generator", "jetbridge testbed");
        m.put("jetbridge_version", VersionProvider.version());
        return m;
    }

    private static Object attributeValue(String v) {
        if (v.matches("-?[0-9]{1,18}")) {
            return Long.parseLong(v);
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return v;
        }
    }

    /** Collects command-option assignments with the option that produced each, for messages. */
    static final class Assignments {
        final List<String> values = new ArrayList<>();
        final List<String> options = new ArrayList<>();

        Assignments add(String option, String key, Object value) {
            values.add(key + "=" + value);
            options.add(option);
            return this;
        }
    }
}
