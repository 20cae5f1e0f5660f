package org.flowscope.app;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowscope.app.process.ProcessCommand;
import org.flowscope.engine.registry.ImplementationRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code flowscope} command line: wiring only, no algorithms.
 *
 * <p>Subcommands: {@code simulate}, {@code live}, {@code process <op>} (one class per op in
 * {@code org.flowscope.app.process}, listed in {@link ProcessCommand}), {@code engine <...>}.
 * Exit codes ({@link ExitCodes}): 0 ok, 2 usage error, 3 bad input ({@link IllegalArgumentException}),
 * 4 runtime failure (anything else). With {@code --json}, errors are also reported as a JSON object on stdout.
 */
@Command(name = "flowscope",
        mixinStandardHelpOptions = true,
        versionProvider = FlowscopeCli.Version.class,
        description = "Live super-resolution from microscope frame streams.",
        subcommands = {SimulateCommand.class, ServeCommand.class, ProcessCommand.class, EngineCommand.class,
                org.flowscope.app.output.RecoverCommand.class, org.flowscope.app.report.ReportCommand.class,
                CommandLine.HelpCommand.class})
public final class FlowscopeCli implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        CommandLine cl = commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        // only the process's own entry point takes Ctrl-C over: an embedder, `serve` or an in-process test keeps the
        // JVM's handling (a process-wide signal handler installed by every in-process run would interleave)
        ((LiveCommand) cl.getSubcommands().get("live").getCommand()).ownInterruptKeys();
        System.exit(cl.execute(args));
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(out, err).execute(args);
    }

    /** A configured command line: exit codes, error handling, exit-code help section on every command. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, ImplementationRegistry.load(FlowscopeCli.class.getClassLoader()));
    }

    /**
     * The command line over the operations of {@code registry}: {@code process} and {@code live} are built from its
     * providers (subcommands, {@code --op} names, options), so an operation joins the CLI through its provider alone.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, ImplementationRegistry registry) {
        CommandLine cl = new CommandLine(new FlowscopeCli());
        // subcommands first: picocli applies the settings below to the subcommands that exist when they are made
        cl.addSubcommand("live", new CommandLine(new LiveCommand(registry)));
        ProcessCommand.install(cl.getSubcommands().get("process"), registry);
        configure(cl, out, err);
        installLiveExtensions(cl.getSubcommands().get("live"));
        return cl;
    }

    /**
     * Gives {@code cl} (and the subcommands it has now) this CLI's conventions: the exit codes above, error messages
     * prefixed with the root command's name, JSON errors with {@code --json}, case-insensitive enum values. The
     * benchmarks module's {@code flowscope-bench} uses it too.
     */
    public static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err) {
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(FlowscopeCli::handleExecutionException);
        cl.setParameterExceptionHandler(FlowscopeCli::handleParameterException);
        // picocli passes Errors through its handlers: an OutOfMemoryError would end the command with a raw trace
        CommandLine.IExecutionStrategy strategy = cl.getExecutionStrategy();
        cl.setExecutionStrategy(parsed -> {
            try {
                return strategy.execute(parsed);
            } catch (OutOfMemoryError e) {
                CommandLine.ParseResult last = parsed;
                while (last.subcommand() != null) {
                    last = last.subcommand();
                }
                return handleExecutionException(OutOfMemoryFailure.explain(e, String.join(" ",
                        last.commandSpec().qualifiedName())), last.commandSpec().commandLine(), parsed);
            }
        });
        applyExitCodeHelp(cl);
        return cl;
    }

    /** Adds each live extension's options object to {@code live} as a picocli mixin named after the extension. */
    static void installLiveExtensions(CommandLine live) {
        LiveCommand command = live.getCommand();
        java.util.List<String> description = new java.util.ArrayList<>(
                java.util.List.of(live.getCommandSpec().usageMessage().description()));
        description.add("Sources:");
        command.sourceUsages().forEach(u -> description.add("  " + u));
        live.getCommandSpec().usageMessage().description(description.toArray(String[]::new));
        for (var ext : command.extensions()) {
            if (ext.options() != null) {
                live.addMixin(ext.name(), ext.options());
            }
        }
    }

    private static void applyExitCodeHelp(CommandLine cl) {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "ok");
        codes.put("2", "usage error (unknown option, missing or malformed argument)");
        codes.put("3", "bad input (missing/corrupt/unsupported file, invalid value)");
        codes.put("4", "runtime failure (I/O or device error)");
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        cl.getCommandSpec().exitCodeOnUsageHelp(ExitCodes.OK);
        for (CommandLine sub : cl.getSubcommands().values()) {
            applyExitCodeHelp(sub);
        }
    }

    private static int handleExecutionException(Exception thrown, CommandLine cl, CommandLine.ParseResult parsed) {
        Exception ex = OutOfMemoryFailure.find(thrown).isPresent() ? OutOfMemoryFailure.explain(thrown, "") : thrown;
        boolean badInput = ex instanceof IllegalArgumentException;
        int code = badInput ? ExitCodes.BAD_INPUT : ExitCodes.RUNTIME_FAILURE;
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        cl.getErr().println(rootName(cl) + ": " + (badInput ? "bad input: " : "failed: ") + message);
        if (!badInput && !(ex instanceof OutOfMemoryFailure)) {
            Throwable cause = ex.getCause();
            if (cause != null && cause.getMessage() != null) {
                cl.getErr().println("  caused by: " + cause.getMessage());
            }
            org.slf4j.LoggerFactory.getLogger(FlowscopeCli.class).debug("runtime failure", ex);
        }
        cl.getErr().flush();
        reportJsonError(cl, parsed, code, message);
        return code;
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        cl.getErr().println(rootName(cl) + ": " + ex.getMessage());
        cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
        cl.getErr().flush();
        for (String a : args) {
            if ("--json".equals(a)) {
                printJsonError(cl.getOut(), ExitCodes.USAGE, ex.getMessage());
            }
        }
        return ExitCodes.USAGE;
    }

    private static String rootName(CommandLine cl) {
        return cl.getCommandSpec().root().name();
    }

    private static void reportJsonError(CommandLine cl, CommandLine.ParseResult parsed, int code, String message) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--json")) {
                printJsonError(cl.getOut(), code, message);
                return;
            }
        }
    }

    private static void printJsonError(PrintWriter out, int code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", false);
        m.put("exitCode", code);
        m.put("error", message);
        out.println(CliOutput.toJson(m));
        out.flush();
    }

    /** Version from the jar manifest, "dev" when run from classes. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"flowscope " + version()};
        }

        public static String version() {
            String v = FlowscopeCli.class.getPackage().getImplementationVersion();
            return v == null ? "dev" : v;
        }
    }
}
