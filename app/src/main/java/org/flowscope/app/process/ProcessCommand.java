package org.flowscope.app.process;

import java.util.List;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.methods.spi.MethodProvider;
import org.flowscope.methods.spi.OfflineCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code flowscope process <name>}: the offline twins of the operations, file in, file out. The subcommands are not
 * listed here: every operation's provider ({@link MethodProvider#processCommands()}) brings its own, and
 * {@link #install} adds them.
 */
@Command(name = "process",
        mixinStandardHelpOptions = true,
        description = "Process a recorded TIFF stack offline.")
public final class ProcessCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing operation: choose one of " + String.join(", ", spec.subcommands().keySet()));
    }

    /** Adds one subcommand per {@link OfflineCommand} of every method provider in {@code registry}, sorted by name. */
    public static void install(CommandLine process, ImplementationRegistry registry) {
        List<OfflineCommand> commands = registry.providers().stream()
                .filter(p -> p instanceof MethodProvider<?, ?, ?>)
                .flatMap(p -> ((MethodProvider<?, ?, ?>) p).processCommands().stream())
                .sorted(java.util.Comparator.comparing(OfflineCommand::name)).toList();
        for (OfflineCommand c : commands) {
            if (process.getSubcommands().containsKey(c.name())) {
                throw new IllegalStateException("two operations define 'process " + c.name() + "'");
            }
            CommandLine sub = new CommandLine(new OperationCommand(c, registry));
            sub.getCommandSpec().usageMessage().description(c.description());
            sub.addMixin(c.name(), c.options());
            process.addSubcommand(c.name(), sub);
        }
    }
}
