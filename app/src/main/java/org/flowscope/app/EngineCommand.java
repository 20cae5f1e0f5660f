package org.flowscope.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code flowscope engine <command>}: the compute engine (devices, benchmark history, benchmark, conformance). The
 * research harnesses (contention, regret, the eSRRF device proof) are in the benchmarks module's
 * {@code flowscope-bench}.
 */
@Command(name = "engine",
        mixinStandardHelpOptions = true,
        description = "Inspect and benchmark the compute engine.",
        subcommands = {org.flowscope.app.engine.EngineDevicesCommand.class, org.flowscope.app.engine.EngineHistoryCommand.class,
                org.flowscope.app.engine.BenchmarkCommand.class, org.flowscope.app.engine.ConformanceCommand.class})
public final class EngineCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), spec.subcommands().isEmpty()
                ? "no engine commands are available in this build"
                : "missing engine command: choose one of " + String.join(", ", spec.subcommands().keySet()));
    }
}
