package org.flowscope.core.pipeline;

import org.flowscope.core.testing.MeanOperator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.TiffStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.core.sink.TiffFrameSink;
import org.flowscope.core.sink.TiffResultSink;
import org.flowscope.core.stream.BackpressurePolicy;
import org.flowscope.core.stream.RunCounters;
import org.flowscope.core.testing.CountingSource;
import org.flowscope.core.testing.PoolAssertions;
import org.flowscope.core.window.WindowSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LivePipelineTest {
    @TempDir
    Path dir;

    /** An average that takes {@code sleepMs} per window, to make the analysis slower than the camera. */
    private static final class SlowAverage implements WindowOperator, RunContributor {
        private final long sleepMs;
        private final AtomicInteger calls = new AtomicInteger();

        SlowAverage(long sleepMs) {
            this.sleepMs = sleepMs;
        }

        @Override
        public String name() {
            return "slow";
        }

        @Override
        public ImageStack apply(ImageStack window, WindowContext context) {
            calls.incrementAndGet();
            try {
                Thread.sleep(sleepMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return MeanOperator.mean(window);
        }

        @Override
        public String section() {
            return "slow";
        }

        @Override
        public Object runJsonSection() {
            return Map.of("calls", calls.get());
        }

        @Override
        public Map<String, String> progressFields() {
            return Map.of("slow", Integer.toString(calls.get()));
        }
    }

    private LivePipeline pipeline(CountingSource source, WindowOperator op, BackpressurePolicy policy, int window) {
        return LivePipeline.builder(source)
                .window(WindowSpec.tumbling(window))
                .operator(op)
                .policy(policy)
                .rawSink(new TiffFrameSink(dir.resolve("raw.tif"), source.format()))
                .resultSink(new TiffResultSink(dir.resolve("result.tif"), 100, 0))
                .build();
    }

    @Test
    void averagesTumblingWindowsIntoResultAndKeepsEveryRawFrame() {
        CountingSource source = CountingSource.of(16, 8, 40);
        LivePipeline p = pipeline(source, new MeanOperator(), BackpressurePolicy.LAG, 10);
        RunSummary s = p.run();
        PoolAssertions.assertNoLeaks(p.pool());
        TiffStack raw = TiffStacks.read(dir.resolve("raw.tif"));
        assertEquals(40, raw.stack().frames());
        assertEquals(39, raw.stack().get(39, 7, 15), 0);
        TiffStack result = TiffStacks.read(dir.resolve("result.tif"));
        assertEquals(4, result.stack().frames());
        assertEquals(4.5f, result.stack().get(0, 0, 0), 1e-6); // mean of 0..9
        assertEquals(34.5f, result.stack().get(3, 3, 3), 1e-6); // mean of 30..39
        assertEquals(4, s.counter(RunCounters.ANALYSIS_PROCESSED));
        assertEquals(40, s.counter(RunCounters.RAW_FRAMES));
        assertTrue(s.timings().containsKey("average"));
    }

    /**
     * The camera delivers a 10-frame window every 10 ms; the analysis needs 100 ms per window (10x slower). With
     * {@code skip}, the raw file still holds every frame and emitted = processed + skipped.
     */
    @Test
    void analysisTenTimesSlowerThanCameraSkipsWindowsButRawKeepsEveryFrame() {
        CountingSource source = CountingSource.paced(16, 8, 300, 1000);
        SlowAverage slow = new SlowAverage(100);
        List<Progress> progress = new ArrayList<>();
        LivePipeline p = LivePipeline.builder(source)
                .window(WindowSpec.tumbling(10))
                .operator(slow)
                .policy(BackpressurePolicy.SKIP)
                .rawSink(new TiffFrameSink(dir.resolve("raw.tif"), source.format()))
                .resultSink(new TiffResultSink(dir.resolve("result.tif"), 100, 0))
                .progress(progress::add, 50)
                .build();
        RunSummary s = p.run();
        PoolAssertions.assertNoLeaks(p.pool());
        assertEquals(300, TiffStacks.read(dir.resolve("raw.tif")).stack().frames());
        long emitted = s.counter(RunCounters.WINDOWS_EMITTED);
        long processed = s.counter(RunCounters.ANALYSIS_PROCESSED);
        long skipped = s.counter(RunCounters.ANALYSIS_SKIPPED);
        assertEquals(30, emitted);
        assertEquals(emitted, processed + skipped, s.counters().toString());
        assertTrue(skipped >= 20, "most windows skipped: " + s.counters());
        assertEquals(processed, TiffStacks.read(dir.resolve("result.tif")).stack().frames());
        assertEquals(skipped, s.counters().get(RunCounters.ANALYSIS_SKIPPED));
        assertEquals(Map.of("calls", (int) processed), s.sections().get("slow"));
        assertFalse(progress.isEmpty());
        assertTrue(progress.get(progress.size() - 1).line().contains("slow " + processed));
    }

    /** Same speeds with {@code lag}: every window is processed and every frame is kept; the run just takes longer. */
    @Test
    void analysisTenTimesSlowerThanCameraLagsButProcessesEverything() {
        CountingSource source = CountingSource.paced(16, 8, 100, 1000);
        LivePipeline p = pipeline(source, new SlowAverage(100), BackpressurePolicy.LAG, 10);
        RunSummary s = p.run();
        PoolAssertions.assertNoLeaks(p.pool());
        assertEquals(100, TiffStacks.read(dir.resolve("raw.tif")).stack().frames());
        assertEquals(10, s.counter(RunCounters.ANALYSIS_PROCESSED));
        assertEquals(0, s.counter(RunCounters.ANALYSIS_SKIPPED));
        assertEquals(10, TiffStacks.read(dir.resolve("result.tif")).stack().frames());
    }

    @Test
    void cameraGapsAreCountedAndReported() {
        CountingSource source = new CountingSource(16, 8, 60, 0, Set.of(5, 6, 7), -1);
        LivePipeline p = pipeline(source, new MeanOperator(), BackpressurePolicy.LAG, 10);
        RunSummary s = p.run();
        PoolAssertions.assertNoLeaks(p.pool());
        assertEquals(3, s.counter(RunCounters.CAMERA_LOST));
        assertEquals(57, s.frames());
        assertTrue(p.progress().drops() >= 3);
    }

    @Test
    void failingOperatorLeavesNoResultButKeepsTheAcquiredRawFrames() {
        CountingSource source = CountingSource.of(16, 8, 50);
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
        LivePipeline p = pipeline(source, broken, BackpressurePolicy.LAG, 10);
        assertThrows(AnalysisFailedException.class, p::run);
        PoolAssertions.assertNoLeaks(p.pool());
        try (var files = Files.list(dir)) {
            // the acquired frames are kept (raw.tif is complete for what it holds); no result is left
            assertEquals(List.of(dir.resolve("raw.tif")), files.toList());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sideBranchSeesResultsAndReportsInSummary() {
        CountingSource source = CountingSource.of(16, 8, 100);
        List<Long> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        ResultListener listener = new ResultListener() {
            @Override
            public void onResult(ImageStack result, WindowContext context) {
                seen.add(context.index());
            }

            @Override
            public String section() {
                return "tap";
            }

            @Override
            public Object runJsonSection() {
                return Map.of("seen", seen.size());
            }
        };
        LivePipeline p = LivePipeline.builder(source).window(WindowSpec.tumbling(10)).operator(new MeanOperator())
                .resultSink(new TiffResultSink(dir.resolve("result.tif"), 0, 0)).listener(listener).build();
        RunSummary s = p.run();
        long processed = s.counter("tap.processed");
        assertEquals(10, processed + s.counter("tap.skipped"));
        assertEquals(Map.of("seen", (int) processed), s.sections().get("tap"));
        PoolAssertions.assertNoLeaks(p.pool());
    }
}
