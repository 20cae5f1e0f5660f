package org.flowscope.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.core.sink.TiffFrameSink;
import org.flowscope.core.sink.TiffResultSink;
import org.flowscope.core.source.SourceFormat;
import org.flowscope.core.stream.BackpressurePolicy;
import org.flowscope.core.stream.RunCounters;
import org.flowscope.core.testing.CountingSource;
import org.flowscope.core.testing.MeanOperator;
import org.flowscope.core.testing.PoolAssertions;
import org.flowscope.core.window.StreamFrame;
import org.flowscope.core.window.StreamLayout;
import org.flowscope.core.window.WindowEnd;
import org.flowscope.core.window.WindowSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The frame-by-frame analysis: same results as whole windows, order kept through stages, policies, failures. */
class StreamingAnalysisTest {
    @TempDir
    Path dir;

    /** A stage that holds every frame back by {@code delay} frames (as a drift stage holds a unit until measured). */
    private static class Delay implements WindowOperator, Streamable {
        private final int delay;

        Delay(int delay) {
            this.delay = delay;
        }

        @Override
        public String name() {
            return "delay";
        }

        @Override
        public ImageStack apply(ImageStack window, WindowContext context) {
            return window;
        }

        @Override
        public StreamStage openStream(StreamLayout layout, SourceFormat format) {
            ArrayDeque<Object> held = new ArrayDeque<>();
            return new StreamStage() {
                int frames;

                @Override
                public String name() {
                    return "delay";
                }

                @Override
                public void frame(StreamFrame frame, Downstream out) {
                    held.addLast(frame);
                    frames++;
                    while (frames > delay) {
                        Object e = held.removeFirst();
                        if (e instanceof StreamFrame f) {
                            frames--;
                            out.frame(f);
                        } else {
                            out.windowEnd((WindowEnd) e);
                        }
                    }
                }

                @Override
                public void windowEnd(WindowEnd end, Downstream out) {
                    held.addLast(end);
                }

                @Override
                public void finish(Downstream out) {
                    while (!held.isEmpty()) {
                        Object e = held.removeFirst();
                        if (e instanceof StreamFrame f) {
                            out.frame(f);
                        } else {
                            out.windowEnd((WindowEnd) e);
                        }
                    }
                }

                @Override
                public void discard() {
                    held.forEach(e -> {
                        if (e instanceof StreamFrame f) {
                            f.release();
                        }
                    });
                    held.clear();
                }
            };
        }
    }

    private RunSummary run(CountingSource source, WindowOperator op, WindowSpec spec, BackpressurePolicy policy,
            boolean streaming, String result) {
        LivePipeline p = LivePipeline.builder(source).window(spec).operator(op).policy(policy).streaming(streaming)
                .rawSink(new TiffFrameSink(dir.resolve("raw-" + result), source.format()))
                .resultSink(new TiffResultSink(dir.resolve(result), 100, 0)).build();
        RunSummary s = p.run();
        PoolAssertions.assertNoLeaks(p.pool());
        return s;
    }

    @Test
    void slidingWindowsFrameByFrameThroughAStageThatHoldsFramesEqualWholeWindows() {
        WindowSpec spec = WindowSpec.sliding(12, 4);
        RunSummary streamed = run(CountingSource.of(9, 7, 61), new Delay(5).andThen(new MeanOperator()), spec,
                BackpressurePolicy.LAG, true, "streamed.tif");
        RunSummary windows = run(CountingSource.of(9, 7, 61), new Delay(5).andThen(new MeanOperator()), spec,
                BackpressurePolicy.LAG, false, "windows.tif");
        assertEquals("stream", streamed.analysis());
        assertEquals("window", windows.analysis());
        ImageStack a = TiffStacks.read(dir.resolve("streamed.tif")).stack();
        ImageStack b = TiffStacks.read(dir.resolve("windows.tif")).stack();
        assertEquals(13, a.frames());
        assertArrayEquals(b.data(), a.data());
        assertEquals(17.5f, a.get(3, 2, 2), 0); // window 3: frames 12..23
        assertEquals(13, streamed.counter(RunCounters.ANALYSIS_PROCESSED));
        assertEquals(1, streamed.counter(RunCounters.WINDOWS_TRAILING_FRAMES));
        assertTrue(streamed.timings().containsKey("delay"), streamed.timings().keySet().toString());
        assertTrue(streamed.timings().containsKey("average.window"), streamed.timings().keySet().toString());
        assertEquals(61, TiffStacks.read(dir.resolve("raw-streamed.tif")).stack().frames());
    }

    /** An operator 10x slower per frame than the camera: skip drops whole windows, the raw file keeps every frame. */
    @Test
    void aStreamTenTimesSlowerThanTheCameraSkipsWholeWindowsAndCountsTheirFrames() {
        CountingSource source = CountingSource.paced(16, 8, 300, 1000);
        StreamingOperator slow = new SlowPerFrame(10);
        RunSummary s = run(source, slow, WindowSpec.tumbling(10), BackpressurePolicy.SKIP, true, "result.tif");
        assertEquals(300, TiffStacks.read(dir.resolve("raw-result.tif")).stack().frames());
        long processed = s.counter(RunCounters.ANALYSIS_PROCESSED);
        long skipped = s.counter(RunCounters.ANALYSIS_SKIPPED);
        assertEquals(30, s.counter(RunCounters.WINDOWS_EMITTED));
        assertEquals(30, processed + skipped, s.counters().toString());
        assertTrue(skipped >= 15, "most windows skipped: " + s.counters());
        assertEquals(10 * skipped, s.counter(RunCounters.ANALYSIS_SKIPPED_FRAMES), s.counters().toString());
        assertEquals(processed, TiffStacks.read(dir.resolve("result.tif")).stack().frames());
    }

    @Test
    void aSlowStreamUnderLagProcessesEveryWindow() {
        CountingSource source = CountingSource.paced(16, 8, 60, 1000);
        RunSummary s = run(source, new SlowPerFrame(3), WindowSpec.sliding(10, 5), BackpressurePolicy.LAG, true,
                "result.tif");
        assertEquals(11, s.counter(RunCounters.ANALYSIS_PROCESSED));
        assertEquals(0, s.counter(RunCounters.ANALYSIS_SKIPPED));
        assertEquals(0, s.counter(RunCounters.ANALYSIS_SKIPPED_FRAMES));
    }

    @Test
    void aWindowResultIsAwaitedWhileLaterFramesAreAlreadyComputed() {
        // window 0's result only completes once the operator has seen a frame of the next window: a serial
        // pipeline (await before taking the next frame) would never finish it
        CountDownLatch laterFrame = new CountDownLatch(1);
        List<Long> order = new ArrayList<>();
        StreamingOperator op = new StreamingOperator() {
            @Override
            public String name() {
                return "gated";
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
                    public void frame(StreamFrame frame) {
                        if (frame.position() >= 10) {
                            laterFrame.countDown();
                        }
                        order.add(frame.position());
                        inner.frame(frame);
                    }

                    @Override
                    public PendingResult windowEnd(WindowEnd end) {
                        PendingResult r = inner.windowEnd(end);
                        return () -> {
                            try {
                                assertTrue(laterFrame.await(20, TimeUnit.SECONDS), "no later frame while awaiting");
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
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
        RunSummary s = run(CountingSource.of(8, 8, 30), op, WindowSpec.tumbling(10), BackpressurePolicy.LAG, true,
                "result.tif");
        assertEquals(3, s.counter(RunCounters.ANALYSIS_PROCESSED));
        assertEquals(30, order.size());
    }

    @Test
    void aFailingStageLeavesNoResultKeepsTheAcquiredRawFramesAndNoFrameBehind() {
        WindowOperator failing = new Delay(3) {
            @Override
            public StreamStage openStream(StreamLayout layout, SourceFormat format) {
                StreamStage d = super.openStream(layout, format);
                return new StreamStage() {
                    @Override
                    public String name() {
                        return "failing";
                    }

                    @Override
                    public void frame(StreamFrame frame, Downstream out) {
                        if (frame.position() == 25) {
                            frame.release();
                            throw new IllegalStateException("device lost");
                        }
                        d.frame(frame, out);
                    }

                    @Override
                    public void windowEnd(WindowEnd end, Downstream out) {
                        d.windowEnd(end, out);
                    }

                    @Override
                    public void finish(Downstream out) {
                        d.finish(out);
                    }

                    @Override
                    public void discard() {
                        d.discard();
                    }
                };
            }
        };
        CountingSource source = CountingSource.of(16, 8, 50);
        LivePipeline p = LivePipeline.builder(source).window(WindowSpec.tumbling(10)).operator(failing.andThen(new MeanOperator()))
                .rawSink(new TiffFrameSink(dir.resolve("raw.tif"), source.format()))
                .resultSink(new TiffResultSink(dir.resolve("result.tif"), 100, 0)).build();
        AnalysisFailedException e = assertThrows(AnalysisFailedException.class, p::run);
        assertEquals("device lost", e.getCause().getMessage());
        PoolAssertions.assertNoLeaks(p.pool());
        try (var files = Files.list(dir)) {
            // the raw frames acquired are kept; no result is left
            assertEquals(List.of(dir.resolve("raw.tif")), files.toList());
        } catch (java.io.IOException x) {
            throw new AssertionError(x);
        }
        assertEquals(source.delivered(), TiffStacks.read(dir.resolve("raw.tif")).stack().frames());
    }

    @Test
    void aLinkageErrorInTheOperatorEndsTheRunAsAFailureInsteadOfHangingIt() {
        StreamingOperator broken = new StreamingOperator() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public ImageStack apply(ImageStack window, WindowContext context) {
                return MeanOperator.mean(window);
            }

            @Override
            public FrameStream openStream(StreamLayout layout, SourceFormat format) {
                return new FrameStream() {
                    @Override
                    public void frame(StreamFrame frame) {
                        frame.release();
                        throw new NoClassDefFoundError("jdk/incubator/vector/FloatVector");
                    }

                    @Override
                    public PendingResult windowEnd(WindowEnd end) {
                        throw new AssertionError("no window ends after the first frame failed");
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
        CountingSource source = CountingSource.of(8, 8, 30);
        LivePipeline p = LivePipeline.builder(source).window(WindowSpec.tumbling(10)).operator(broken)
                .resultSink(new TiffResultSink(dir.resolve("result.tif"), 100, 0)).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, p::run);
        assertTrue(e.getMessage().contains("NoClassDefFoundError"), e.getMessage());
        PoolAssertions.assertNoLeaks(p.pool());
    }

    /** An average that sleeps {@code ms} per frame. */
    private static final class SlowPerFrame implements StreamingOperator {
        private final long ms;

        SlowPerFrame(long ms) {
            this.ms = ms;
        }

        @Override
        public String name() {
            return "slow";
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
                public void frame(StreamFrame frame) {
                    try {
                        Thread.sleep(ms);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inner.frame(frame);
                }

                @Override
                public PendingResult windowEnd(WindowEnd end) {
                    return inner.windowEnd(end);
                }

                @Override
                public void close() {
                    inner.close();
                }
            };
        }
    }
}
