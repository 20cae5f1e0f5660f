package org.flowscope.benchmarks.cli;

import java.io.PrintWriter;
import org.flowscope.app.FlowscopeCli;
import org.flowscope.benchmarks.contention.ContentionCommand;
import org.flowscope.benchmarks.esrrf.EsrrfProofCommand;
import org.flowscope.benchmarks.regret.RegretCommand;
import org.flowscope.benchmarks.sim.SimThroughputCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code flowscope-bench}: the research harnesses that measure the engine and the GPU implementations, kept out of
 * the user's {@code flowscope} CLI. Same conventions (exit codes, {@code --json}, error messages) as
 * {@code flowscope}; {@code bench/gpu} runs them on the GPU machine.
 */
@Command(name = "flowscope-bench",
        mixinStandardHelpOptions = true,
        versionProvider = FlowscopeCli.Version.class,
        description = "Research harnesses: engine contention and regret, the eSRRF GPU proof, simulated-camera throughput.",
        subcommands = {ContentionCommand.class, RegretCommand.class, EsrrfProofCommand.class, SimThroughputCommand.class,
                CommandLine.HelpCommand.class})
public final class FlowscopeBench implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the harness CLI with the given streams and returns the exit code (used by tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return FlowscopeCli.configure(new CommandLine(new FlowscopeBench()), out, err).execute(args);
    }
}
