package org.jetbridge.nn.train;

import java.nio.file.Path;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.NnSettings;

/** Child JVM for the kill-and-resume test: trains the toy run in args[0], slowly, printing each completed step. */
public final class ResumeChild {

    private ResumeChild() {}

    public static void main(String[] args) throws Exception {
        NnRuntime rt = NnRuntime.start(NnSettings.defaults().withThreads(Integer.parseInt(args[1])));
        try (Toy toy = new Toy(rt, 3)) {
            new Trainer(rt, Toy.resumeConfig()).progress(System.err, false).afterStep(s -> {
                System.out.println("step " + s);
                System.out.flush();
                try {
                    Thread.sleep(30);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }).fit(toy, Toy.source(), Toy.validation(rt), Path.of(args[0]));
        }
    }
}
