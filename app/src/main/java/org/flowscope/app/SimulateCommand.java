package org.flowscope.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code flowscope simulate}: a simulated blinking-emitter stack plus ground-truth files. */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Simulate a camera stack of blinking emitters with ground truth.")
public final class SimulateCommand implements Callable<Integer> {
    @Mixin
    CliOutput out;

    @Override
    public Integer call() {
        throw new IllegalStateException("the simulator is being wired up in this build");
    }
}
