package org.flowscope.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.flowscope.core.frame.FrameMetadata;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.core.sink.ResultSink;
import org.flowscope.core.sink.TiffFrameSink;
import org.flowscope.core.sink.TiffResultSink;
import org.flowscope.core.source.FrameConsumer;
import org.flowscope.core.source.FrameSource;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.source.SourceFormat;
import org.flowscope.core.stream.RunCounters;
import org.flowscope.core.testing.CountingSource;
import org.flowscope.core.testing.MeanOperator;
import org.flowscope.core.testing.PoolAssertions;
import org.flowscope.core.window.StreamLayout;
import org.flowscope.core.window.WindowEnd;
import org.flowscope.core.window.WindowSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a live run leaves when it ends early: a failing source or analysis, a stop, an abandoned analysis. */
class LivePipelineEndingTest {
    private static final long WAIT_S = 20;

    @TempDir
    Path dir;

    /** Holds the analysis of one window until released; records the thread that computes it. */
    private static final class Hold {
        final long window;
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicReference<Thread> thread = new AtomicReference<>();

        Hold(long window) {
            this.window = window;
        }

        void pass(long index) {
            if (index != window) {
                return;
            }
            thread.set(Thread.currentThread());
            entered.countDown();
            // uninterruptible: the late result must really arrive after the run has ended
            boolean interrupted = false;
            while (true) {
                try {
                    if (release.await(WAIT_S, TimeUnit.SECONDS)) {
                        break;
                    }
                    throw new AssertionError("never released");
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        void awaitEntered() throws InterruptedException {
            assertTrue(entered.await(WAIT_S, TimeUnit.SECONDS), "window " + window + " reached the operator");
        }

        /** Lets the held window finish and waits until its thread has written (or been refused) its result. */
        void releaseAndJoin() throws InterruptedException {
            release.countDown();
            Thread t = thread.get();
            t.join(TimeUnit.SECONDS.toMillis(WAIT_S));
            assertFalse(t.isAlive(), t.getName() + " ended after the run was disposed");
        }
    }

    /** A whole-window average that holds {@code hold}'s window. */
    private static WindowOperator windowOperator(Hold hold) {
        return new WindowOperator() {
            @Override
            public String name() {
                return "held";
            }

            @Override
            public ImageStack apply(ImageStack window, WindowContext context) {
                hold.pass(context.index());
                return MeanOperator.mean(window);
            }
        };
    }

    /** A streaming average whose result of {@code hold}'s window is held on the result writer's thread. */
    private static StreamingOperator streamingOperator(Hold hold) {
        return new StreamingOperator() {
            @Override
            public String name() {
                return "held";
            }

            @Override
            public ImageStack apply(ImageStack window, WindowContext context) {
                return MeanOperator.mean(window);
            }

            @Override
            public FrameStream openStream(StreamLayout layout, SourceFormat format) {
                FrameStream inner = new MeanOperator().openStream(layout, format);
                return new FrameStream() {
                    @Override
                    public void frame(org.flowscope.core.window.StreamFrame frame) {
                        inner.frame(frame);
                    }

                    @Override
                    public PendingResult windowEnd(WindowEnd end) {
                        PendingResult r = inner.windowEnd(end);
                        return () -> {
                            hold.pass(end.context().index());
                            return r.await();
                        };
                    }

                    @Override
                    public void close() {
                        inner.close();
                    }
                };
            }
        };
    }

    /** Delivers {@code frames} frames, waits for {@code before}, then fails with {@code failure}. */
    private static final class FailingSource implements FrameSource {
        private final int frames;
        private final CountDownLatch before;
        private final Exception failure;
        private volatile int delivered;

        FailingSource(int frames, CountDownLatch before, Exception failure) {
            this.frames = frames;
            this.before = before;
            this.failure = failure;
        }

        @Override
        public SourceFormat format() {
            return new SourceFormat(16, 8, PixelType.U16, OptionalLong.empty(), OptionalDouble.empty(),
                    OptionalDouble.of(100));
        }

        @Override
        public void run(FrameConsumer consumer) throws Exception {
            short[] px = new short[16 * 8];
            for (int i = 0; i < frames; i++) {
                java.util.Arrays.fill(px, (short) i);
                consumer.accept(new FrameMetadata(i, System.nanoTime(), 16, 8, PixelType.U16, OptionalDouble.of(100), 0,
                        "failing"), new PixelData.U16(px));
                delivered++;
            }
            if (!before.await(WAIT_S, TimeUnit.SECONDS)) {
                throw new AssertionError("the analysis never started");
            }
            throw failure;
        }

        @Override
        public void stop() {
        }

        @Override
        public void close() {
        }
    }

    /** A result sink that records every write made after it was aborted. */
    private static final class RecordingSink implements ResultSink {
        private final TiffResultSink inner;
        volatile boolean aborted;
        volatile int writesAfterAbort;

        RecordingSink(Path file) {
            this.inner = new TiffResultSink(file, 100, 0);
        }

        @Override
        public void write(ImageStack result, WindowContext context) {
            if (aborted) {
                writesAfterAbort++;
            }
            inner.write(result, context);
        }

        @Override
        public void finish() {
            inner.finish();
        }

        @Override
        public void abort() {
            aborted = true;
            inner.abort();
        }
    }

    private List<String> files() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private LivePipeline.Builder builder(FrameSource source, WindowOperator op, ResultSink results) {
        return LivePipeline.builder(source).window(WindowSpec.tumbling(10)).operator(op)
                .rawSink(new TiffFrameSink(dir.resolve("raw.tif"), source.format())).resultSink(results);
    }

    @Test
    void aWindowStillComputedWhenTheSourceFailsWritesNoResultAfterTheAbort() throws Exception {
        Hold hold = new Hold(0);
        FailingSource source = new FailingSource(25, hold.entered, new IllegalStateException("camera unplugged"));
        RecordingSink sink = new RecordingSink(dir.resolve("result.tif"));
        LivePipeline p = builder(source, windowOperator(hold), sink).build();
        CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(p::run);
        hold.awaitEntered();
        // the source fails while window 0 is still being computed
        Throwable e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> run.get(WAIT_S, TimeUnit.SECONDS)).getCause();
        assertTrue(e.getMessage().contains("camera unplugged"), e.toString());
        assertTrue(sink.aborted);
        hold.releaseAndJoin();
        assertEquals(0, sink.writesAfterAbort, "the late result of window 0 was refused");
        assertEquals(List.of("raw.tif"), files(), "no result.tif.partial came back");
        assertEquals(25, TiffStacks.read(dir.resolve("raw.tif")).stack().frames());
    }

    @Test
    void aStreamingResultStillAwaitedWhenTheSourceFailsIsNotWrittenAfterTheAbort() throws Exception {
        // the run waits for the result writer here, so the held result is released from another thread first
        Hold hold = new Hold(0);
        FailingSource source = new FailingSource(25, hold.entered, new IllegalStateException("camera unplugged"));
        RecordingSink sink = new RecordingSink(dir.resolve("result.tif"));
        LivePipeline p = builder(source, streamingOperator(hold), sink).build();
        CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(p::run);
        hold.awaitEntered();
        while (!sink.aborted && !run.isDone()) {
            Thread.sleep(5);
        }
        hold.releaseAndJoin();
        Throwable e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> run.get(WAIT_S, TimeUnit.SECONDS)).getCause();
        assertTrue(e.getMessage().contains("camera unplugged"), e.toString());
        assertEquals(0, sink.writesAfterAbort, "the late result of window 0 was refused");
        assertEquals(List.of("raw.tif"), files(), "no result.tif.partial came back");
    }

    @Test
    void badInputFromTheSourceLeavesNoFile() throws Exception {
        CountDownLatch now = new CountDownLatch(0);
        FailingSource source = new FailingSource(25, now, new IllegalArgumentException("frame 25 has NaN pixels"));
        LivePipeline p = builder(source, new MeanOperator(), new TiffResultSink(dir.resolve("result.tif"), 100, 0))
                .build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, p::run);
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertEquals(List.of(), files());
        PoolAssertions.assertNoLeaks(p.pool());
    }

    @Test
    void aFailingAnalysisKeepsEveryAcquiredRawFrameAndLeavesNoResult() throws Exception {
        CountingSource source = CountingSource.paced(16, 8, 100_000, 500);
        WindowOperator broken = new WindowOperator() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public ImageStack apply(ImageStack window, WindowContext context) {
                if (context.index() == 2) {
                    throw new IllegalStateException("device lost");
                }
                return MeanOperator.mean(window);
            }
        };
        LivePipeline p = builder(source, broken, new TiffResultSink(dir.resolve("result.tif"), 100, 0)).build();
        AnalysisFailedException e = assertThrows(AnalysisFailedException.class, p::run);
        assertTrue(e.getMessage().contains("device lost"), e.getMessage());
        assertTrue(e.summary().counters().get(RunCounters.INGEST_FRAMES) >= 30, e.summary().counters().toString());
        assertEquals(List.of("raw.tif"), files());
        assertEquals(source.delivered(), TiffStacks.read(dir.resolve("raw.tif")).stack().frames(),
                "every frame the camera delivered before it was stopped");
        assertTrue(source.delivered() < 100_000, "the camera was stopped");
        PoolAssertions.assertNoLeaks(p.pool());
    }

    @Test
    void stoppingWithABacklogCommitsTheRawFileBeforeTheAnalysisHasCaughtUp() throws Exception {
        Hold hold = new Hold(0);
        CountingSource source = CountingSource.paced(16, 8, 100_000, 1000);
        // a pool large enough that the camera never waits for the held analysis
        LivePipeline p = builder(source, windowOperator(hold), new TiffResultSink(dir.resolve("result.tif"), 100, 0))
                .poolCapacity(20_000).build();
        CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(p::run);
        hold.awaitEntered();
        while (p.counters().get(RunCounters.INGEST_FRAMES) < 40) {
            Thread.sleep(2);
        }
        p.stop();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (!Files.exists(dir.resolve("raw.tif")) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(Files.exists(dir.resolve("raw.tif")), "raw.tif committed while window 0 is still computed");
        assertFalse(run.isDone());
        hold.release.countDown();
        RunSummary s = run.get(WAIT_S, TimeUnit.SECONDS);
        long frames = s.frames();
        assertEquals(frames, TiffStacks.read(dir.resolve("raw.tif")).stack().frames());
        assertEquals(frames / 10, s.counter(RunCounters.ANALYSIS_PROCESSED), "every acquired window still analysed");
        assertEquals(frames / 10, TiffStacks.read(dir.resolve("result.tif")).stack().frames());
        PoolAssertions.assertNoLeaks(p.pool());
    }

    private void abandoningMidWindowKeepsWhatWasWritten(boolean streaming) throws Exception {
        Hold hold = new Hold(1);
        CountingSource source = CountingSource.paced(16, 8, 100_000, 500);
        ResultSink results = new TiffResultSink(dir.resolve("result.tif"), 100, 0);
        LivePipeline p = builder(source, streaming ? streamingOperator(hold) : windowOperator(hold), results)
                .streaming(streaming).build();
        CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(p::run);
        hold.awaitEntered();
        p.abandonAnalysis();
        RunSummary s = run.get(WAIT_S, TimeUnit.SECONDS);
        assertTrue(p.analysisAbandoned());
        assertEquals(streaming ? "stream" : "window", s.analysis());
        assertEquals(s.frames(), TiffStacks.read(dir.resolve("raw.tif")).stack().frames());
        assertTrue(s.counter(RunCounters.ANALYSIS_ABANDONED) >= 1, s.counters().toString());
        hold.releaseAndJoin();
        assertEquals(List.of("raw.tif", "result.tif"), files(), "no result.tif.partial came back");
        assertEquals(1, TiffStacks.read(dir.resolve("result.tif")).stack().frames(), "window 0 only");
    }

    @Test
    void abandoningTheAnalysisMidWindowCommitsRawAndTheResultsWrittenAndRefusesTheLateOne() throws Exception {
        abandoningMidWindowKeepsWhatWasWritten(false);
    }

    @Test
    void abandoningAStreamingAnalysisWhileAResultIsAwaitedCommitsRawAndTheResultsWritten() throws Exception {
        abandoningMidWindowKeepsWhatWasWritten(true);
    }
}
