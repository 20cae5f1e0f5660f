package org.flowscope.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.flowscope.adapters.replay.Recordings;
import org.flowscope.app.run.MachineInfo;
import org.flowscope.app.run.RunReportFile;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.FrameStackReader;
import org.flowscope.core.io.OutputFormat;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.core.io.TiffWriteOptions;
import org.flowscope.core.io.zarr.ZarrStreamWriter;
import org.flowscope.core.io.zarr.ZarrWriteOptions;
import org.flowscope.methods.esrrf.EsrrfParams;

/**
 * The driver of a batch: for each acquisition (in input order) it skips a complete output, plans the time blocks,
 * submits them as one Spark job, and when the job is done assembles the blocks in time order and writes the result,
 * then the acquisition's {@code run.json}, then {@code batch.json}. Each acquisition is its own job, so Spark retries
 * a failed task ({@code spark.task.maxFailures}) and an acquisition whose job still fails is recorded with its error
 * while the others go on. A few jobs are kept in flight so the executors never wait for the driver's writes.
 */
public final class BatchRunner {
    /** What to run. */
    public record Spec(List<BatchInputs.Acquisition> acquisitions, Path out, EsrrfSettings esrrf, EngineSettings engine,
            int timePointsPerTask, OutputFormat format, List<String> commandLine) {
    }

    private record Planned(int index, BatchInputs.Acquisition acquisition, Path folder, FrameStackReaderInfo info,
            List<TimeBlocks.Block> blocks, JavaFutureAction<List<BlockTask.Result>> job, long startNanos,
            String startedUtc) {
    }

    private record FrameStackReaderInfo(String format, int frames, int width, int height, PixelType pixelType,
            StackMetadata metadata) {
    }

    private final JavaSparkContext spark;
    private final Spec spec;
    private final PrintWriter log;
    private final BatchSummary.Entry[] entries;
    private final Instant started = Instant.now();

    public BatchRunner(JavaSparkContext spark, Spec spec, PrintWriter log) {
        this.spark = spark;
        this.spec = spec;
        this.log = log;
        this.entries = new BatchSummary.Entry[spec.acquisitions().size()];
    }

    /** Runs every acquisition; the summary is also in {@code out/batch.json} and {@code out/batch.html}. */
    public BatchSummary run() {
        createFolder(spec.out());
        List<BatchInputs.Acquisition> all = spec.acquisitions();
        for (int i = 0; i < all.size(); i++) {
            entries[i] = BatchSummary.Entry.pending(all.get(i), all.get(i).name());
        }
        writeSummary("running");
        int inFlight = Math.max(2, 2 * spark.defaultParallelism());
        Deque<Planned> pending = new ArrayDeque<>();
        int next = 0;
        while (next < all.size() || !pending.isEmpty()) {
            while (next < all.size() && pending.size() < inFlight) {
                Planned p = submit(next++);
                if (p != null) {
                    pending.add(p);
                }
            }
            if (!pending.isEmpty()) {
                finish(pending.poll());
            }
        }
        BatchSummary done = writeSummary(count("failed") > 0 ? "failed" : "ok");
        log.printf(Locale.ROOT, "batch: %d acquisition(s): %d ok, %d skipped (complete), %d failed -> %s%n",
                done.acquisitions(), done.ok(), done.skipped(), done.failed(), spec.out().resolve(BatchSummary.NAME));
        log.flush();
        return done;
    }

    /** Skips, fails or submits acquisition {@code i}; null when it needs no job. */
    private Planned submit(int i) {
        BatchInputs.Acquisition a = spec.acquisitions().get(i);
        Path folder = spec.out().resolve(a.name());
        Path result = folder.resolve(resultName());
        long t0 = System.nanoTime();
        try {
            if (complete(folder, result)) {
                entries[i] = new BatchSummary.Entry(a.input().toString(), a.name(), "skipped", null, null, null, null,
                        null, (System.nanoTime() - t0) / 1e9, null);
                log.println("batch: " + a.name() + ": complete from an earlier run, skipped");
                writeSummary("running");
                return null;
            }
            FrameStackReaderInfo info = header(a.input());
            int block = spec.esrrf().params().blockLength(info.frames());
            List<TimeBlocks.Block> blocks = TimeBlocks.plan(info.frames(), block, block, spec.timePointsPerTask());
            spark.setJobDescription("flowscope " + a.name() + ": " + blocks.size() + " block(s)");
            JavaFutureAction<List<BlockTask.Result>> job = spark.parallelize(blocks, blocks.size())
                    .map(new BlockTask(a.input(), spec.esrrf(), spec.engine())).collectAsync();
            return new Planned(i, a, folder, info, blocks, job, t0, Instant.now().toString());
        } catch (RuntimeException e) {
            fail(i, a, e, t0);
            return null;
        }
    }

    private void finish(Planned p) {
        try {
            List<BlockTask.Result> results = p.job().get();
            write(p, results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.job().cancel(true);
            throw new IllegalStateException("batch interrupted", e);
        } catch (ExecutionException e) {
            fail(p.index(), p.acquisition(), e.getCause() == null ? e : e.getCause(), p.startNanos());
        } catch (RuntimeException e) {
            fail(p.index(), p.acquisition(), e, p.startNanos());
        }
    }

    private void write(Planned p, List<BlockTask.Result> results) {
        List<BlockTask.Result> ordered = new ArrayList<>(results);
        ordered.sort(Comparator.comparingInt(r -> r.block().firstWindow()));
        int windows = 0;
        for (BlockTask.Result r : ordered) {
            if (r.block().firstWindow() != windows) {
                throw new IllegalStateException("blocks of " + p.acquisition().input() + " do not tile the time points: "
                        + "expected time point " + windows + ", got " + r.block());
            }
            windows += r.block().windows();
        }
        BlockTask.Result first = ordered.get(0);
        int size = first.height() * first.width();
        float[] data = new float[windows * size];
        for (BlockTask.Result r : ordered) {
            System.arraycopy(r.data(), 0, data, r.block().firstWindow() * size, r.data().length);
        }
        ImageStack stack = new ImageStack(windows, first.height(), first.width(), data);
        EsrrfParams params = spec.esrrf().params();
        StackMetadata md = outputMetadata(p.info(), params);
        createFolder(p.folder());
        Path result = p.folder().resolve(resultName());
        deleteRecursively(Path.of(result + ".partial"));
        deleteRecursively(result);
        writeStack(result, stack, md);
        List<AcquisitionRun.Block> blocks = new ArrayList<>();
        Map<String, Integer> impls = new TreeMap<>();
        for (BlockTask.Result r : ordered) {
            TimeBlocks.Block b = r.block();
            blocks.add(new AcquisitionRun.Block(b.index(), b.firstFrame(), b.endFrame(), b.firstWindow(), b.windows(),
                    r.implementation(), r.device(), r.executor(), r.seconds()));
            impls.merge(r.implementation() + " on " + r.device(), 1, Integer::sum);
        }
        FrameStackReaderInfo in = p.info();
        AcquisitionRun run = new AcquisitionRun("ok", MachineInfo.versions(), MachineInfo.machine(), p.startedUtc(),
                (System.nanoTime() - p.startNanos()) / 1e6, spec.commandLine(), spark.master(),
                new AcquisitionRun.Input(p.acquisition().input().toString(), in.format(), in.frames(), in.width(),
                        in.height(), in.pixelType().name().toLowerCase(Locale.ROOT), opt(in.metadata().pixelSizeNm()),
                        opt(in.metadata().frameIntervalMs())),
                "esrrf", spec.esrrf(),
                new AcquisitionRun.Output(result.toString(), spec.format().id(), windows, first.width(), first.height(),
                        opt(md.pixelSizeNm()), opt(md.frameIntervalMs())),
                blocks, impls);
        writeJson(p.folder().resolve(AcquisitionRun.NAME), run);
        entries[p.index()] = new BatchSummary.Entry(p.acquisition().input().toString(), p.acquisition().name(), "ok",
                null, null, in.frames(), windows, blocks.size(), (System.nanoTime() - p.startNanos()) / 1e9,
                List.copyOf(impls.keySet()));
        log.printf(Locale.ROOT, "batch: %s: %d frame(s) -> %d time point(s) in %d block(s) (%s)%n", p.acquisition().name(),
                in.frames(), windows, blocks.size(), String.join(", ", impls.keySet()));
        log.flush();
        writeSummary("running");
    }

    /** A folder whose run.json says ok and whose result exists; one made with other parameters is an error. */
    private boolean complete(Path folder, Path result) {
        Path runJson = folder.resolve(AcquisitionRun.NAME);
        if (!Files.isRegularFile(runJson) || !Files.exists(result)) {
            return false;
        }
        JsonNode node;
        try {
            node = RunReportFile.mapper().readTree(Files.readString(runJson, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return false;  // unreadable: computed again, and replaced
        }
        if (!"ok".equals(node.path("status").asText())) {
            return false;
        }
        EsrrfSettings made;
        try {
            made = RunReportFile.mapper().treeToValue(node.path("parameters"), EsrrfSettings.class);
        } catch (IOException | IllegalArgumentException e) {
            made = null;
        }
        if (!spec.esrrf().equals(made)) {
            throw new IllegalArgumentException(folder + " holds a complete result made with other parameters ("
                    + node.path("parameters") + ", now " + RunReportFile.mapper().valueToTree(spec.esrrf())
                    + "); delete that folder or choose another --out");
        }
        return true;
    }

    private static FrameStackReaderInfo header(Path input) {
        try (FrameStackReader r = Recordings.open(input)) {
            return new FrameStackReaderInfo(Recordings.format(r), r.frameCount(), r.width(), r.height(), r.pixelType(),
                    r.metadata());
        }
    }

    /** As {@code process esrrf}: pixel size divided by the magnification, frame interval times the block. */
    private static StackMetadata outputMetadata(FrameStackReaderInfo in, EsrrfParams params) {
        StackMetadata md = in.metadata().withPixelType(PixelType.F32);
        if (in.metadata().pixelSizeNm().isPresent()) {
            md = md.withPixelSizeNm(in.metadata().pixelSizeNm().getAsDouble() / params.magnification());
        }
        if (in.metadata().frameIntervalMs().isPresent()) {
            md = md.withFrameIntervalMs(in.metadata().frameIntervalMs().getAsDouble() * params.blockLength(in.frames()));
        }
        return md;
    }

    private void writeStack(Path file, ImageStack stack, StackMetadata md) {
        if (spec.format().tiff()) {
            TiffStacks.write(file, stack, md, PixelType.F32, TiffWriteOptions.of(spec.format()).withNames("result", "esrrf"));
        } else {
            ZarrStreamWriter.write(file, stack, md, ZarrWriteOptions.named("result", "esrrf"));
        }
    }

    private String resultName() {
        return spec.format().fileName("result");
    }

    private void fail(int i, BatchInputs.Acquisition a, Throwable e, long t0) {
        String error = SparkErrors.message(e);
        boolean badInput = SparkErrors.isBadInput(e);
        entries[i] = new BatchSummary.Entry(a.input().toString(), a.name(), "failed", error, badInput, null, null, null,
                (System.nanoTime() - t0) / 1e9, null);
        log.println("batch: " + a.name() + ": failed: " + error);
        log.flush();
        writeSummary("running");
    }

    private long count(String status) {
        long n = 0;
        for (BatchSummary.Entry e : entries) {
            n += status.equals(e.status()) ? 1 : 0;
        }
        return n;
    }

    private BatchSummary writeSummary(String status) {
        boolean running = "running".equals(status);
        BatchSummary s = new BatchSummary(status, started.toString(),
                running ? null : (double) java.time.Duration.between(started, Instant.now()).toMillis(), spark.master(),
                spec.commandLine(), spec.out().toString(), entries.length, (int) count("ok"), (int) count("skipped"),
                (int) count("failed"), List.of(entries));
        writeJson(spec.out().resolve(BatchSummary.NAME), s);
        byte[] html = BatchHtml.render(s).getBytes(StandardCharsets.UTF_8);
        TiffStacks.writeAtomically(spec.out().resolve(BatchSummary.HTML), o -> o.write(html));
        return s;
    }

    private static void writeJson(Path file, Object value) {
        byte[] bytes;
        try {
            bytes = RunReportFile.mapper().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        TiffStacks.writeAtomically(file, o -> o.write(bytes));
    }

    private static Double opt(java.util.OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    private static void createFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output folder " + dir, e);
        }
    }

    private static void deleteRecursively(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace the unfinished output " + p, e);
        }
    }
}
