package org.jetbridge.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jetbridge.core.JetDefinition;
import org.jetbridge.core.groom.Groomer;
import org.jetbridge.core.groom.SoftDrop;
import org.jetbridge.core.substructure.Observable;
import org.jetbridge.core.substructure.Observables;
import org.jetbridge.io.ObservableCsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code jetbridge observables}: substructure observables of the inclusive jets of every event, one row per jet. */
@Command(name = "observables",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Cluster every event into jets, as 'cluster' does, and write one CSV row of substructure "
                + "observables per jet.",
            "",
            "Columns: event,jet,pt,rapidity,phi,mass,n_constituents (as in 'cluster'), then one column per "
                    + "observable, named as in --list. By default every standard observable and the groomed "
                    + "observables (<setting>_pt, _mass, _zg, _rg) of each --softdrop setting. Each jet's "
                    + "constituents are reclustered once (kt, kt with winner-take-all, C/A) for all observables.",
            "",
            "The defaults suit boosted-jet substructure and are the selection of the FastJet + fjcontrib "
                    + "reference numbers: anti-kt R = 1.0 (large-R jets that contain a boosted W/Z/H or top "
                    + "decay), pT >= 100 GeV, |y| <= 2.5 (tracker coverage); SoftDrop at "
                    + "(beta, z_cut) = (0, 0.1), (1, 0.1) and (2, 0.05) with R0 = 1.",
            ""})
final class ObservablesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EventInputOptions input;

    @Mixin
    JetSelectionOptions jetOptions = new JetSelectionOptions(1.0, 100.0, 2.5);

    @Option(names = "--observables", split = ",", paramLabel = "NAME",
            description = "Comma-separated observables to write, in this order (default: all; see --list). "
                    + "pt and mass are always jet columns and never repeated.")
    List<String> names;

    @Option(names = "--softdrop", split = ",", paramLabel = "BETA:ZCUT[:R0]", converter = SoftDropConverter.class,
            description = "A SoftDrop setting whose groomed observables are offered, named sd_b<BETA>_z<ZCUT>"
                    + "[_r<R0>] (R0 default 1); repeat the option or separate settings by commas "
                    + "(default: 0:0.1, 1:0.1, 2:0.05).")
    List<SoftDrop> softDrops;

    @Option(names = "--list", help = true,
            description = "Print the available observable names (with the --softdrop settings given) and what "
                    + "they are, then exit.")
    boolean list;

    @Mixin
    OutputOptions output;

    @Option(names = {"-q", "--quiet"}, description = "No progress or summary on standard error.")
    boolean quiet;

    @Override
    public Integer call() {
        List<SoftDrop> groomers = groomers();
        List<Observable> available = Observables.standardWith(groomers);
        if (list) {
            Map<String, String> descriptions = ObservableCatalog.describe(groomers);
            int width = 0;
            for (String name : descriptions.keySet()) {
                width = Math.max(width, name.length());
            }
            for (Map.Entry<String, String> e : descriptions.entrySet()) {
                spec.commandLine().getOut().printf(Locale.ROOT, "%-" + width + "s  %s%n", e.getKey(), e.getValue());
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
        List<Observable> selected = select(available);
        JetDefinition definition = jetOptions.definition(spec);
        Progress progress = new Progress(spec.commandLine().getErr(), "jetbridge observables", quiet);
        JetRows.Counts n = JetRows.write(spec, input, jetOptions, definition, output, progress,
                out -> new ObservableCsvWriter(out, selected));
        progress.summary(String.format(Locale.ROOT, "%d events, %d jets (%s), %d observables in %.2f s, written to %s",
                n.events(), n.jets(), jetOptions.describe(), selected.size(), progress.elapsedSeconds(),
                output.name()));
        return 0;
    }

    /** The SoftDrop settings asked for (the reference ones by default), each at most once. */
    private List<SoftDrop> groomers() {
        if (softDrops == null) {
            List<SoftDrop> reference = new ArrayList<>();
            for (Groomer g : Observables.referenceSoftDrops()) {
                reference.add((SoftDrop) g);
            }
            return reference;
        }
        Set<String> seen = new HashSet<>();
        for (SoftDrop sd : softDrops) {
            if (!seen.add(sd.name())) {
                throw new ParameterException(spec.commandLine(), "--softdrop: setting " + sd.name() + " given twice");
            }
        }
        return softDrops;
    }

    /** The observables named by --observables (all by default), minus those already written as jet columns. */
    private List<Observable> select(List<Observable> available) {
        List<Observable> chosen;
        if (names == null) {
            chosen = available;
        } else {
            List<String> wanted = new ArrayList<>(names.size());
            Set<String> seen = new HashSet<>();
            for (String n : names) {
                String name = n.strip();
                if (!seen.add(name)) {
                    throw new ParameterException(spec.commandLine(), "--observables: '" + name + "' given twice");
                }
                wanted.add(name);
            }
            try {
                chosen = Observables.select(available, wanted);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--observables: " + e.getMessage());
            }
        }
        List<Observable> out = new ArrayList<>(chosen.size());
        for (Observable o : chosen) {
            if (!ObservableCatalog.JET_COLUMN_OBSERVABLES.contains(o.name())) {
                out.add(o);
            }
        }
        return out;
    }

    /** {@code BETA:ZCUT} or {@code BETA:ZCUT:R0}, checked by SoftDrop itself. */
    static final class SoftDropConverter implements ITypeConverter<SoftDrop> {
        @Override
        public SoftDrop convert(String value) {
            String[] f = value.split(":", -1);
            if (f.length < 2 || f.length > 3) {
                throw new TypeConversionException("expected BETA:ZCUT or BETA:ZCUT:R0 (e.g. 1:0.1), got '" + value
                        + "'");
            }
            double[] x = new double[f.length];
            String[] what = {"BETA", "ZCUT", "R0"};
            for (int i = 0; i < f.length; i++) {
                try {
                    x[i] = Double.parseDouble(f[i].strip());
                } catch (NumberFormatException e) {
                    throw new TypeConversionException("expected a number for " + what[i] + " in BETA:ZCUT[:R0], got '"
                            + value + "'");
                }
            }
            try {
                return f.length == 2 ? new SoftDrop(x[0], x[1]) : new SoftDrop(x[0], x[1], x[2]);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage() + " in '" + value + "'");
            }
        }
    }
}
