package org.jetbridge.sim;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every knob of the generator, grouped by stage, with the preset it started from. Presets: {@code nominal} (the
 * testbed specification) and {@code data} (the mis-modelled pseudo-data: shower muR = 2, extra d0 smearing of
 * 10 μm core plus 5 % of tracks with 50 μm, tracking efficiency 2 % lower absolute). Any parameter is overridden
 * by a flat key such as {@code shower.muR=2}; {@link #toMap()} lists all resolved values in a fixed order.
 */
public record GeneratorSettings(String preset, ShowerParameters shower, HadronisationParameters hadronisation,
                                DecayParameters decays, MinBiasParameters minBias, PileupParameters pileup,
                                DetectorParameters detector, ProcessParameters process) {

    /** The preset names accepted by {@link #preset(String)}. */
    public static final List<String> PRESETS = List.of("nominal", "data");

    public GeneratorSettings {
        if (preset == null || shower == null || hadronisation == null || decays == null || minBias == null
                || pileup == null || detector == null || process == null) {
            throw new IllegalArgumentException("generator settings: no group may be null");
        }
    }

    public static GeneratorSettings nominal() {
        return new GeneratorSettings("nominal", ShowerParameters.defaults(), HadronisationParameters.defaults(),
                DecayParameters.defaults(), MinBiasParameters.defaults(), PileupParameters.defaults(),
                DetectorParameters.defaults(), ProcessParameters.defaults());
    }

    public static GeneratorSettings data() {
        DetectorParameters d = DetectorParameters.defaults();
        GeneratorSettings s = nominal()
                .with("shower.muR", "2")
                .with("detector.extraD0Core", "0.010")
                .with("detector.extraD0Wide", "0.050")
                .with("detector.extraD0WideFraction", "0.05")
                .with("detector.trackEfficiencyBarrel", fmt(d.trackEfficiencyBarrel() - 0.02))
                .with("detector.trackEfficiencyEndcap", fmt(d.trackEfficiencyEndcap() - 0.02))
                .with("detector.trackEfficiencyLowPt", fmt(d.trackEfficiencyLowPt() - 0.02));
        return new GeneratorSettings("data", s.shower, s.hadronisation, s.decays, s.minBias, s.pileup, s.detector,
                s.process);
    }

    /** The named preset; unknown names fail with the list of known ones. */
    public static GeneratorSettings preset(String name) {
        return switch (name == null ? "" : name) {
            case "nominal" -> nominal();
            case "data" -> data();
            default -> throw new IllegalArgumentException("unknown preset '" + name + "', expected one of " + PRESETS);
        };
    }

    /** These settings with every {@code key=value} of the list applied in order. */
    public GeneratorSettings withAll(List<String> assignments) {
        GeneratorSettings s = this;
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("parameter override '" + a + "': expected key=value");
            }
            s = s.with(a.substring(0, eq).trim(), a.substring(eq + 1).trim());
        }
        return s;
    }

    /**
     * These settings with one parameter replaced. Keys are {@code group.name} as listed by {@link #toMap()};
     * numbers must be finite and non-negative; every failure is a one-line {@link IllegalArgumentException}.
     */
    public GeneratorSettings with(String key, String value) {
        int dot = key.indexOf('.');
        if (dot <= 0 || key.indexOf('.', dot + 1) >= 0) {
            throw new IllegalArgumentException("unknown parameter '" + key + "': expected group.name, e.g. shower.muR");
        }
        String group = key.substring(0, dot);
        String name = key.substring(dot + 1);
        RecordComponent[] top = GeneratorSettings.class.getRecordComponents();
        Object[] topValues = values(this, top);
        for (int g = 1; g < top.length; g++) {
            if (!top[g].getName().equals(group)) {
                continue;
            }
            Record groupValue = (Record) topValues[g];
            RecordComponent[] comps = groupValue.getClass().getRecordComponents();
            Object[] vals = values(groupValue, comps);
            for (int c = 0; c < comps.length; c++) {
                if (comps[c].getName().equals(name)) {
                    vals[c] = parse(key, comps[c].getType(), value);
                    try {
                        topValues[g] = construct(groupValue.getClass(), comps, vals);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(group + "." + e.getMessage(), e);
                    }
                    return (GeneratorSettings) construct(GeneratorSettings.class, top, topValues);
                }
            }
            throw new IllegalArgumentException("unknown parameter '" + key + "'; known in group " + group + ": "
                    + names(comps));
        }
        throw new IllegalArgumentException("unknown parameter group '" + group + "' in '" + key
                + "'; expected one of shower, hadronisation, decays, minBias, pileup, detector, process");
    }

    /** All resolved parameters as {@code group.name → value}, in declaration order, preset first. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("preset", preset);
        RecordComponent[] top = GeneratorSettings.class.getRecordComponents();
        Object[] topValues = values(this, top);
        for (int g = 1; g < top.length; g++) {
            Record r = (Record) topValues[g];
            RecordComponent[] comps = r.getClass().getRecordComponents();
            Object[] vals = values(r, comps);
            for (int c = 0; c < comps.length; c++) {
                Object v = vals[c];
                m.put(top[g].getName() + "." + comps[c].getName(), v instanceof Double d ? fmt(d) : String.valueOf(v));
            }
        }
        return m;
    }

    private static String fmt(double d) {
        String s = Double.toString(d);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static String names(RecordComponent[] comps) {
        StringBuilder b = new StringBuilder();
        for (RecordComponent c : comps) {
            b.append(b.length() == 0 ? "" : ", ").append(c.getName());
        }
        return b.toString();
    }

    private static Object parse(String key, Class<?> type, String value) {
        try {
            if (type == double.class) {
                double d = Double.parseDouble(value);
                if (!Double.isFinite(d) || d < 0) {
                    throw new IllegalArgumentException(key + " must be finite and >= 0, got " + value);
                }
                return d;
            }
            if (type == int.class) {
                int i = Integer.parseInt(value);
                if (i < 0) {
                    throw new IllegalArgumentException(key + " must be >= 0, got " + value);
                }
                return i;
            }
            if (type == boolean.class) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException(key + " must be true or false, got '" + value + "'");
                }
                return Boolean.parseBoolean(value.toLowerCase(Locale.ROOT));
            }
            if (type.isEnum()) {
                for (Object o : type.getEnumConstants()) {
                    if (((Enum<?>) o).name().equalsIgnoreCase(value)) {
                        return o;
                    }
                }
                throw new IllegalArgumentException(key + " must be one of "
                        + java.util.Arrays.toString(type.getEnumConstants()) + ", got '" + value + "'");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected a number, got '" + value + "'");
        }
        throw new IllegalStateException("parameter type " + type + " of " + key + " is not supported");
    }

    private static Object[] values(Record r, RecordComponent[] comps) {
        Object[] v = new Object[comps.length];
        try {
            for (int i = 0; i < comps.length; i++) {
                v[i] = comps[i].getAccessor().invoke(r);
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
        return v;
    }

    private static Object construct(Class<?> cls, RecordComponent[] comps, Object[] vals) {
        Class<?>[] types = new Class<?>[comps.length];
        for (int i = 0; i < comps.length; i++) {
            types[i] = comps[i].getType();
        }
        try {
            Constructor<?> k = cls.getDeclaredConstructor(types);
            return k.newInstance(vals);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
