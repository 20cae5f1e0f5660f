package org.flowscope.app.live.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flowscope.app.run.DecisionTally;
import org.flowscope.core.frame.FrameMetadata;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.pipeline.Progress;
import org.flowscope.core.source.FrameConsumer;
import org.flowscope.core.source.FrameSource;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.source.SourceFormat;
import org.flowscope.core.stream.BackpressurePolicy;
import org.flowscope.core.stream.RunCounters;
import org.flowscope.engine.agent.Reason;
import org.junit.jupiter.api.Test;

class LiveMonitorTest {
    private static final SourceFormat FINITE = new SourceFormat(8, 8, PixelType.U16, OptionalLong.of(1000),
            OptionalDouble.of(100), OptionalDouble.empty());

    /** Delivers {@code frames} frames, then waits for {@code release} before returning. */
    private static class ScriptedSource implements FrameSource {
        final int frames;
        final CountDownLatch release = new CountDownLatch(1);

        ScriptedSource(int frames) {
            this.frames = frames;
        }

        @Override
        public SourceFormat format() {
            return FINITE;
        }

        @Override
        public void run(FrameConsumer consumer) throws Exception {
            for (int i = 0; i < frames; i++) {
                consumer.accept(new FrameMetadata(i, i * 10_000_000L, 8, 8, PixelType.U16, OptionalDouble.empty(), 0, "test"),
                        new PixelData.U16(new short[64]));
            }
            release.await(10, TimeUnit.SECONDS);
        }

        @Override
        public void stop() {
            release.countDown();
        }

        @Override
        public void close() {
        }
    }

    private static Progress progress(long frames, double fps) {
        return new Progress(frames, fps, 12, 0, 0, Map.of());
    }

    private static LiveMonitor monitor(SourceTap tap, RunCounters counters, DecisionTally tally, BackpressurePolicy policy) {
        return new LiveMonitor(FINITE, 100, 50, policy, tap, tally, () -> counters, List.of(), "camera");
    }

    private static Thread start(SourceTap tap, FrameConsumer consumer) {
        Thread t = new Thread(() -> {
            try {
                tap.run(consumer);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void aFiniteRunShowsItsTotalsWindowsLeftAndAnEtaFromTheRecentRates() throws Exception {
        RunCounters counters = new RunCounters();
        LiveMonitor m = monitor(new SourceTap(new ScriptedSource(0), null, 100), counters, new DecisionTally(),
                BackpressurePolicy.LAG);
        m.snapshot(progress(0, 0));
        Thread.sleep(300);
        counters.add(RunCounters.INGEST_FRAMES, 300);
        counters.add(RunCounters.ANALYSIS_PROCESSED, 3);
        LiveSnapshot s = m.snapshot(progress(300, 1000));
        assertEquals(1000L, s.totalFrames());
        assertEquals(19L, s.totalWindows(), "windows of 100 frames every 50 in 1000 frames");
        assertEquals(2, s.windowsLeft(), "300 frames form 5 windows; 3 are done");
        assertEquals(2, m.windowsLeft());
        assertNotNull(s.etaS());
        // 700 frames at <= 300 frames / 0.3 s, 16 windows at <= 3 windows / 0.3 s: the windows take longer
        assertTrue(s.etaS() >= 16 * 0.3 / 3 && s.etaS() < 60, "ETA " + s.etaS());
        String line = LiveStatusLine.render(s);
        assertTrue(line.startsWith("frames 300/1000 (30%) | 1000.0 fps | ETA "), line);
        assertTrue(line.contains("windows 3/19 | camera lost 0 | windows skipped 0"), line);
    }

    @Test
    void whenTheAnalysisHoldsTheCameraBackUnderLagTheLineSaysSoAndNamesTheSlowWindow() throws Exception {
        RunCounters counters = new RunCounters();
        DecisionTally tally = new DecisionTally();
        tally.accept(Decisions.of(1, "esrrf", 1, Reason.EXPLORE_UNTRIED, "never measured here"));
        ScriptedSource source = new ScriptedSource(1);
        SourceTap tap = new SourceTap(source, null, 100);
        LiveMonitor m = monitor(tap, counters, tally, BackpressurePolicy.LAG);
        CountDownLatch unblock = new CountDownLatch(1);
        counters.add(RunCounters.INGEST_FRAMES, 150);
        m.snapshot(progress(150, 0));
        Thread t = start(tap, (md, px) -> {
            try {
                unblock.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep((long) LiveMonitor.SLOW_WINDOW_MS + 200);
        LiveSnapshot s = m.snapshot(progress(150, 0));
        assertTrue(s.why().startsWith("camera throttled by --policy lag for "), s.why());
        assertTrue(s.why().contains("the analysis is 2 window(s) behind"), s.why());
        assertTrue(s.why().contains("window 0 running for ") && s.why().contains("on esrrf.cpu@CPU")
                && s.why().contains("EXPLORE_UNTRIED"), s.why());
        unblock.countDown();
        source.stop();
        t.join(5000);
    }

    @Test
    void whenTheCameraIsWaitingForItsNextFrameTheLineSaysSo() throws Exception {
        RunCounters counters = new RunCounters();
        ScriptedSource source = new ScriptedSource(2);
        SourceTap tap = new SourceTap(source, null, 100);
        LiveMonitor m = monitor(tap, counters, new DecisionTally(), BackpressurePolicy.SKIP);
        Thread t = start(tap, (md, px) -> counters.increment(RunCounters.INGEST_FRAMES));
        Thread.sleep((long) LiveMonitor.STALL_MS + 200);
        LiveSnapshot s = m.snapshot(progress(2, 0));
        assertTrue(s.why().startsWith("camera waiting for its next frame"), s.why());
        assertEquals(2, tap.frames());
        source.stop();
        t.join(5000);
        assertTrue(tap.ended());
        LiveSnapshot end = m.snapshot(progress(2, 0));
        assertEquals(LiveSnapshot.Phase.FINISHING, end.phase());
        m.stopping();
        assertTrue(m.snapshot(progress(2, 0)).why().startsWith("stopping: 0 window(s) left"));
        m.done();
        LiveSnapshot done = m.snapshot(progress(2, 0));
        assertEquals(LiveSnapshot.Phase.DONE, done.phase());
        assertNull(done.why());
        assertNull(done.etaS());
    }

    @Test
    void theSourceTapPassesOnEveryMethodOfTheSourceItWatches() throws Exception {
        // a method the tap does not override would answer the interface's default instead of the source's
        for (java.lang.reflect.Method m : FrameSource.class.getMethods()) {
            if (m.getDeclaringClass() == FrameSource.class) {
                assertEquals(SourceTap.class, SourceTap.class.getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass(),
                        "SourceTap must pass on " + m.getName());
            }
        }
        ScriptedSource lossy = new ScriptedSource(0) {
            @Override
            public long framesLostAfterLastFrame() {
                return 6;
            }
        };
        assertEquals(6, new SourceTap(lossy, null, 100).framesLostAfterLastFrame());
    }

    @Test
    void cameraLossesSkippedWindowsAndSideBranchSkipsAreKeptApart() {
        RunCounters counters = new RunCounters();
        counters.add(RunCounters.CAMERA_LOST, 4);
        counters.add(RunCounters.ANALYSIS_SKIPPED, 2);
        counters.add("quality.skipped", 7);
        LiveMonitor m = monitor(new SourceTap(new ScriptedSource(0), null, 100), counters, new DecisionTally(),
                BackpressurePolicy.SKIP);
        LiveSnapshot s = m.snapshot(new Progress(500, 100, 10, 13, 3, Map.of("frc(raw)", "80 nm")));
        assertEquals(4, s.cameraLost());
        assertEquals(2, s.windowsSkipped());
        assertEquals(Map.of("quality", 7L), s.sideSkipped());
        assertTrue(s.losing());
        assertTrue(LiveStatusLine.render(s).contains("camera lost 4 | windows skipped 2 | frc(raw) 80 nm"),
                LiveStatusLine.render(s));
        assertEquals("1:02:03", LiveStatusLine.duration(3723));
        assertEquals("3:05", LiveStatusLine.duration(185));
    }
}
