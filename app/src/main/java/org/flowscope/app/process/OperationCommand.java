package org.flowscope.app.process;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.flowscope.adapters.replay.Recordings;
import org.flowscope.app.CliOutput;
import org.flowscope.app.ExitCodes;
import org.flowscope.app.OutOfMemoryFailure;
import org.flowscope.app.engine.EngineOptions;
import org.flowscope.app.output.OutputFormatOption;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.FrameStackReader;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.engine.Engine;
import org.flowscope.engine.RunOptions;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.app.progress.TerminalLine;
import org.flowscope.app.run.DecisionTally;
import org.flowscope.methods.spi.OfflineCommand;
import org.flowscope.methods.spi.ProcessProgress;
import org.flowscope.methods.spi.ProcessContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * One {@code flowscope process <name>} subcommand around an operation's {@link OfflineCommand}: the options every
 * such command shares ({@code --input}, {@code --overwrite}, {@code --json}, the engine grammar) plus the
 * command's own, mixed in by {@link ProcessCommand}. It owns the engine (created on first use, so commands that run
 * no operation open no device) and the write rules: no output over the input, no replacement without
 * {@code --overwrite}, atomic writes.
 */
@Command(mixinStandardHelpOptions = true)
public final class OperationCommand implements Callable<Integer>, ProcessContext {
    @Mixin
    CliOutput out;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    OutputFormatOption format;

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Input TIFF stack (u8, u16 or f32); commands that combine images take several.")
    List<Path> inputs;

    @Option(names = "--overwrite", description = "Replace output files that already exist.")
    boolean overwrite;

    @Option(names = "--report", arity = "0..1", paramLabel = "FILE", fallbackValue = "",
            description = "Also write a self-contained HTML report (inputs, parameters, result, previews of the stacks "
                    + "written, plots, engine decisions, timings, machine): FILE, or <first output>.report.html next to "
                    + "the first file written (<input>.<command>.report.html when the command writes none).")
    String report;

    private final OfflineCommand command;
    private final ImplementationRegistry registry;
    private final ProcessRecord record = new ProcessRecord();
    private final DecisionTally decisions = new DecisionTally();
    private ProcessProgressBar bar;
    private Engine engine;
    private AutoCloseable explaining;
    /** What the command does now (reading, computing, writing), for an out-of-memory message. */
    private volatile String doing = "starting";

    public OperationCommand(OfflineCommand command, ImplementationRegistry registry) {
        this.command = command;
        this.registry = registry;
    }

    public OfflineCommand command() {
        return command;
    }

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        if (report != null && !report.isEmpty()) {
            checkWritable(Path.of(report));
        }
        OfflineCommand.Outcome outcome;
        try (ProcessProgressBar progress = new ProcessProgressBar(new TerminalLine(out.spec().commandLine().getErr(),
                TerminalLine.modeFor(out.json(), true), 0))) {
            bar = progress;
            outcome = command.run(this);
        } catch (OutOfMemoryError e) {
            throw new OutOfMemoryFailure(OutOfMemoryFailure.describe(e, work()), e);
        } finally {
            closeEngine();
        }
        Object result = outcome.report();
        String summary = outcome.summary();
        if (report != null) {
            Path file = reportFile();
            String html = ProcessReport.render(command.name(), out.spec().commandLine().getParseResult().originalArgs(),
                    started, (System.nanoTime() - t0) / 1e6, outcome.report(), record, decisions.report().orElse(null));
            writeText(file, html);
            ObjectNode withReport = CliOutput.mapper().valueToTree(outcome.report());
            withReport.put("reportHtml", file.toString());
            result = withReport;
            summary = summary + System.lineSeparator() + "report -> " + file;
        }
        out.result(result, summary);
        return ExitCodes.OK;
    }

    /** What ran out of memory, with its sizes: the command, its inputs as read, and what it was doing. */
    private String work() {
        StringBuilder w = new StringBuilder("process ").append(command.name());
        synchronized (record) {
            for (ProcessRecord.Input in : record.inputs) {
                w.append(String.format(java.util.Locale.ROOT, " of %s (%d frames of %dx%d, %.1f MiB as float32)",
                        in.file().getFileName(), in.frames(), in.width(), in.height(),
                        in.frames() * (double) in.width() * in.height() * 4 / (1 << 20)));
            }
        }
        return w.append(record.inputs.isEmpty() ? "" : ", " + doing).toString();
    }

    /** {@code --report FILE}, or next to the first file written, or next to the input. */
    private Path reportFile() {
        if (!report.isEmpty()) {
            return Path.of(report);
        }
        Path base = record.written.isEmpty() ? inputs.get(0) : record.written.get(0);
        String name = base.getFileName().toString();
        String stem = name.replaceFirst("(\\.ome)?\\.[A-Za-z0-9]+$", "");
        String suffix = record.written.isEmpty() ? "." + command.name() + ".report.html" : ".report.html";
        return base.resolveSibling(stem + suffix);
    }

    @Override
    public Path input() {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("process " + command.name() + " takes one --input file, got " + inputs.size()
                    + ": " + inputs);
        }
        return inputs.get(0);
    }

    @Override
    public List<Path> inputs() {
        return List.copyOf(inputs);
    }

    @Override
    public TiffStack read(Path file) {
        phase("reading " + file.getFileName());
        long t = System.nanoTime();
        TiffStack s;
        if (Files.isDirectory(file)) {
            // an OME-Zarr folder or a Micro-Manager NDTiff dataset
            try (FrameStackReader reader = Recordings.open(file)) {
                s = TiffStacks.readAll(reader);
            }
        } else {
            s = TiffStacks.read(file);
        }
        record.read(file, s.stack(), s.metadata(), (System.nanoTime() - t) / 1e6);
        doing = "computing";
        return s;
    }

    private void phase(String what) {
        doing = what;
        if (bar != null) {
            bar.phase(what);
        }
    }

    @Override
    public ProcessProgress progress() {
        return bar == null ? ProcessProgress.NONE : bar;
    }

    @Override
    public synchronized Engine engine() {
        if (engine == null) {
            engine = Engine.create(engineOptions.config().withRegistry(registry));
            explaining = engineOptions.explain(engine, log());
            engine.decisions().subscribe(decisions);
            if (bar != null) {
                engine.decisions().subscribe(bar);
            }
        }
        return engine;
    }

    @Override
    public RunOptions selection() {
        return engineOptions.selection();
    }

    @Override
    public void checkWritable(Path file) {
        for (Path in : inputs) {
            if (in.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("the output must differ from --input, both are " + in);
            }
        }
        format.requireWritable(file);
        if (Files.exists(file) && !overwrite) {
            throw new IllegalArgumentException("output " + file + " already exists; choose another name or add --overwrite");
        }
    }

    @Override
    public void writeStack(Path file, ImageStack stack, StackMetadata metadata) {
        checkWritable(file);
        phase("writing " + file.getFileName());
        long t = System.nanoTime();
        format.write(file, stack, metadata, command.name());
        if (report != null) {
            record.wroteStack(file, stack, metadata, (System.nanoTime() - t) / 1e6);
        } else {
            record.written.add(file);
        }
    }

    @Override
    public void writeText(Path file, String text) {
        checkWritable(file);
        phase("writing " + file.getFileName());
        long t = System.nanoTime();
        TiffStacks.writeAtomically(file, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
        record.wroteText(file, text, (System.nanoTime() - t) / 1e6);
    }

    @Override
    public PrintWriter log() {
        // --json keeps stdout for the one JSON object: everything else goes to stderr
        return out.json() ? out.spec().commandLine().getErr() : out.out();
    }

    private synchronized void closeEngine() {
        if (engine == null) {
            return;
        }
        try {
            explaining.close();
        } catch (Exception e) {
            log().println("flowscope: could not detach --explain: " + e);
        } finally {
            engine.close();
            engine = null;
        }
    }
}
