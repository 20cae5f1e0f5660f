package org.flowscope.app.process;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code flowscope process <op>}: offline twins of the live operations, file in, file out. Each op is one class in
 * this package, listed in {@code subcommands} below (append yours).
 */
@Command(name = "process",
        mixinStandardHelpOptions = true,
        description = "Process a recorded TIFF stack offline.",
        subcommands = {AverageCommand.class, Conv2dCommand.class, EsrrfCommand.class, FrcCommand.class, DecorrCommand.class, SquirrelCommand.class, DriftEstimateCommand.class, DriftApplyCommand.class, RegisterEstimateCommand.class, RegisterApplyCommand.class})
public final class ProcessCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing operation: choose one of " + String.join(", ", spec.subcommands().keySet()));
    }
}
