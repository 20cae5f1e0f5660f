package org.flowscope.core.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flowscope.core.frame.Frame;
import org.flowscope.core.frame.FramePool;
import org.flowscope.core.testing.Frames;
import org.flowscope.core.testing.PoolAssertions;
import org.flowscope.core.window.FrameWindow;
import org.flowscope.core.window.WindowSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class FrameFluxTest {
    private final FramePool pool = Frames.pool(64);
    private final RunCounters counters = new RunCounters();

    @AfterEach
    void noLeaks() {
        PoolAssertions.assertNoLeaks(pool);
    }

    private static String span(FrameWindow w) {
        String s = w.first().sequence() + ".." + w.last().sequence();
        w.release();
        return s;
    }

    @Test
    void tumblingWindowsDropTheTrailingPartialWindow() {
        StepVerifier.create(FrameFlux.windows(Frames.flux(pool, 10), WindowSpec.tumbling(4), counters).map(FrameFluxTest::span))
                .expectNext("0..3", "4..7")
                .verifyComplete();
        assertEquals(2, counters.get(RunCounters.WINDOWS_EMITTED));
        assertEquals(2, counters.get(RunCounters.WINDOWS_TRAILING_FRAMES));
    }

    @Test
    void slidingWindowsOverlapBySizeMinusStep() {
        StepVerifier.create(FrameFlux.windows(Frames.flux(pool, 9), WindowSpec.sliding(4, 2), counters).map(FrameFluxTest::span))
                .expectNext("0..3", "2..5", "4..7")
                .verifyComplete();
        assertEquals(1, counters.get(RunCounters.WINDOWS_TRAILING_FRAMES));
    }

    @Test
    void slidingWindowsWithStepLargerThanSizeSkipFramesBetweenThem() {
        StepVerifier.create(FrameFlux.windows(Frames.flux(pool, 10), WindowSpec.sliding(2, 4), counters).map(FrameFluxTest::span))
                .expectNext("0..1", "4..5", "8..9")
                .verifyComplete();
    }

    @Test
    void timePointBlocksEmitAShorterLastBlock() {
        StepVerifier.create(FrameFlux.windows(Frames.flux(pool, 10), WindowSpec.timePoints(4), counters).map(FrameFluxTest::span))
                .expectNext("0..3", "4..7", "8..9")
                .verifyComplete();
    }

    @Test
    void windowsHonourRequestN() {
        StepVerifier.create(FrameFlux.windows(Frames.flux(pool, 20), WindowSpec.tumbling(3), counters).map(FrameFluxTest::span), 1)
                .expectNext("0..2")
                .expectNoEvent(Duration.ofMillis(20))
                .thenRequest(2)
                .expectNext("3..5", "6..8")
                .thenCancel()
                .verify();
    }

    @Test
    void cancellingReleasesHeldFrames() {
        StepVerifier.create(FrameFlux.windows(Frames.flux(pool, 50), WindowSpec.sliding(5, 1), counters), 2)
                .consumeNextWith(FrameWindow::release)
                .consumeNextWith(FrameWindow::release)
                .thenCancel()
                .verify();
    }

    @Test
    void anErrorUpstreamReleasesHeldFrames() {
        Flux<Frame> failing = Frames.flux(pool, 6).concatWith(Mono.error(new IllegalStateException("camera gone")));
        StepVerifier.create(FrameFlux.windows(failing, WindowSpec.tumbling(4), counters).map(FrameFluxTest::span))
                .expectNext("0..3")
                .verifyErrorMessage("camera gone");
    }

    @Test
    void rawTapSeesEveryFrameInOrder() {
        List<Long> seen = new ArrayList<>();
        StepVerifier.create(FrameFlux.tapRaw(Frames.flux(pool, 5), f -> seen.add(f.sequence()), counters).doOnNext(Frame::release))
                .expectNextCount(5)
                .verifyComplete();
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), seen);
        assertEquals(5, counters.get(RunCounters.RAW_FRAMES));
    }

    /**
     * Camera: one frame per ms, never waiting for the analysis ({@code skip} requests without bound). Analysis: 40 ms
     * per 4-frame window, 10x slower than the camera. In virtual time.
     */
    @Test
    void skipPolicyDropsWholeWindowsWhenAnalysisIsTenTimesSlowerAndCountersAddUp() {
        List<Long> raw = new ArrayList<>();
        StepVerifier.withVirtualTime(() -> {
                    Flux<Frame> camera = Flux.interval(Duration.ofMillis(1)).take(200).map(i -> Frames.frame(pool, i));
                    Flux<Frame> tapped = FrameFlux.tapRaw(camera, f -> raw.add(f.sequence()), counters);
                    return FrameFlux.analyse(FrameFlux.windows(tapped, WindowSpec.tumbling(4), counters),
                            BackpressurePolicy.SKIP, 4,
                            w -> Mono.delay(Duration.ofMillis(40)).map(x -> span(w)), counters);
                })
                .thenAwait(Duration.ofSeconds(2))
                .thenConsumeWhile(s -> true)
                .verifyComplete();
        assertEquals(200, raw.size(), "the raw branch holds every frame");
        long emitted = counters.get(RunCounters.WINDOWS_EMITTED);
        long processed = counters.get(RunCounters.ANALYSIS_PROCESSED);
        long skipped = counters.get(RunCounters.ANALYSIS_SKIPPED);
        assertEquals(50, emitted);
        assertEquals(emitted, processed + skipped);
        assertEquals(5, processed, "one window per 40 ms over the 200 ms acquisition");
    }

    /** Same camera and analysis with {@code lag}: every window is processed; the camera is slowed (demand-paced). */
    @Test
    void lagPolicyProcessesEveryWindowWhenAnalysisIsTenTimesSlower() {
        List<Long> raw = new ArrayList<>();
        StepVerifier.withVirtualTime(() -> {
                    Flux<Frame> camera = Flux.range(0, 200).delayElements(Duration.ofMillis(1)).map(i -> Frames.frame(pool, i));
                    Flux<Frame> tapped = FrameFlux.tapRaw(camera, f -> raw.add(f.sequence()), counters);
                    return FrameFlux.analyse(FrameFlux.windows(tapped, WindowSpec.tumbling(4), counters),
                            BackpressurePolicy.LAG, 2,
                            w -> Mono.delay(Duration.ofMillis(40)).map(x -> span(w)), counters);
                })
                .thenAwait(Duration.ofSeconds(5))
                .expectNextCount(50)
                .verifyComplete();
        assertEquals(200, raw.size());
        assertEquals(50, counters.get(RunCounters.ANALYSIS_PROCESSED));
        assertEquals(0, counters.get(RunCounters.ANALYSIS_SKIPPED));
    }
}
