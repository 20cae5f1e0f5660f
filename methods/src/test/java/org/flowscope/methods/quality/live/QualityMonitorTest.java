package org.flowscope.methods.quality.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.methods.numerics.scenes.BandLimitedNoise;
import org.junit.jupiter.api.Test;

class QualityMonitorTest {
    private static ImageStack window(BandLimitedNoise sample, int frames, long seed) {
        float[] data = new float[frames * 64 * 64];
        for (int f = 0; f < frames; f++) {
            System.arraycopy(sample.realisation(1.5, seed + f).data(), 0, data, f * 64 * 64, 64 * 64);
        }
        return new ImageStack(frames, 64, 64, data);
    }

    private static WindowContext ctx(long index) {
        return new WindowContext(index, index * 10, index * 10 + 9, 0, 0, OptionalDouble.of(100));
    }

    @Test
    void measuresSampledWindowsAndReportsThemInRunJsonAndProgress() {
        BandLimitedNoise sample = new BandLimitedNoise(64, 0.25, 1);
        try (QualityMonitor monitor = new QualityMonitor(2, 64, OptionalDouble.of(100))) {
            QualitySplitStage stage = monitor.splitStage();
            QualityBranch branch = monitor.branch();
            for (long w = 0; w < 3; w++) {
                ImageStack win = window(sample, 10, 100 * w);
                assertSame(win, stage.apply(win, ctx(w)), "the split stage passes the window through");
                branch.onResult(new BandLimitedNoise(128, 0.2, w).realisation(0.3, w), ctx(w));
                monitor.awaitIdle(30_000);
            }
            branch.onComplete();
            assertEquals(2, monitor.sampled(), "windows 0 and 2 sampled");
            assertEquals(monitor.sampled(), monitor.computed() + monitor.dropped());
            QualitySample last = monitor.latest();
            assertNotNull(last);
            assertEquals(2, last.window());
            assertEquals(4.0, last.frcPx(), 0.4, "even/odd means of band-limited frames: FRC at the 4 px cut-off");
            assertEquals(100 * last.frcPx(), last.frcNm(), 1e-9);
            assertTrue(Double.isFinite(last.decorrPx()), "decorrelation of the reconstruction");
            assertEquals(50 * last.decorrPx(), last.decorrNm(), 1e-9, "reconstruction pixel = 100 nm / (128/64)");
            QualitySection json = branch.runJsonSection();
            assertEquals(2, json.series().size());
            assertTrue(branch.progressFields().get("frc(raw)").endsWith("nm"), branch.progressFields().toString());
            assertEquals(2.0, branch.progressValues().get("quality.window"));
            assertEquals(last.frcNm(), branch.progressValues().get("quality.frc_nm"));
            List<QualitySection.FrcCurve> curves = json.frcCurves();
            assertEquals(2, curves.size(), "the first and the latest sample's FRC curve");
            QualitySection.FrcCurve lastCurve = curves.get(1);
            assertEquals(2L, lastCurve.window());
            assertEquals(lastCurve.frequency().length, lastCurve.frc().length);
            assertEquals("quality", branch.section());
        }
    }

    @Test
    void dropsAndCountsSamplesArrivingWhileBusy() {
        try (QualityMonitor monitor = new QualityMonitor(1, 128, OptionalDouble.empty())) {
            QualitySplitStage stage = monitor.splitStage();
            QualityBranch branch = monitor.branch();
            ImageStack win = window(new BandLimitedNoise(64, 0.25, 2), 4, 7);
            ImageStack big = new BandLimitedNoise(256, 0.2, 3).realisation(0.3, 3);
            for (long w = 0; w < 5; w++) {
                stage.apply(win, ctx(w));
                branch.onResult(big, ctx(w));
            }
            branch.onComplete();
            assertEquals(5, monitor.sampled());
            assertTrue(monitor.dropped() >= 1, "results offered back to back while a 256x256 decorrelation runs");
            assertEquals(5, monitor.computed() + monitor.dropped());
            assertEquals(Long.toString(monitor.dropped()), branch.progressFields().get("q-drops"));
        }
    }

    @Test
    void countsSampledWindowsWhoseResultNeverArrivesAsDropped() {
        try (QualityMonitor monitor = new QualityMonitor(2, 64, OptionalDouble.empty())) {
            QualitySplitStage stage = monitor.splitStage();
            QualityBranch branch = monitor.branch();
            ImageStack win = window(new BandLimitedNoise(64, 0.25, 2), 4, 7);
            for (long w = 0; w < 4; w++) {
                stage.apply(win, ctx(w));
            }
            // the pipeline's latest-wins hand-over only delivered the result of window 3 (not sampled)
            branch.onResult(win.frame(0), ctx(3));
            branch.onComplete();
            assertEquals(2, monitor.sampled());
            assertEquals(2, monitor.dropped());
            assertEquals(0, monitor.computed());
        }
    }

    @Test
    void publishesLatestValuesAsMicrometerGauges() {
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        try (QualityMonitor monitor = new QualityMonitor(1, 64, OptionalDouble.of(80))) {
            monitor.bindTo(registry);
            assertTrue(Double.isNaN(registry.get("flowscope.quality.frc.resolution").gauge().value()), "no sample yet");
            BandLimitedNoise sample = new BandLimitedNoise(64, 0.25, 4);
            ImageStack win = window(sample, 8, 40);
            monitor.splitStage().apply(win, ctx(0));
            monitor.branch().onResult(sample.realisation(0.3, 9), ctx(0));
            monitor.awaitIdle(30_000);
            assertEquals(monitor.latest().frcNm(), registry.get("flowscope.quality.frc.resolution").gauge().value(), 1e-9);
            assertEquals(1.0, registry.get("flowscope.quality.samples.computed").gauge().value());
        }
    }

    @Test
    void rejectsEveryBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new QualityMonitor(0, 64, OptionalDouble.empty()));
    }

    /** Metrics whose decorrelation runs {@code decorr} instead (FRC as the reference). */
    private static QualityMetrics decorrDoes(Runnable decorr) {
        return new QualityMetrics() {
            @Override
            public org.flowscope.methods.frc.FrcResult frc(org.flowscope.methods.frc.FrcParams p,
                    org.flowscope.methods.frc.FrcInput in) {
                return QualityMetrics.reference().frc(p, in);
            }

            @Override
            public org.flowscope.methods.decorr.DecorrResult decorr(org.flowscope.methods.decorr.DecorrParams p, ImageStack img) {
                decorr.run();
                return QualityMetrics.reference().decorr(p, img);
            }
        };
    }

    @Test
    void aSampleThatRunsOutOfMemoryIsCountedAsFailedWithItsErrorAndFailsTheRun() {
        QualityMetrics oom = decorrDoes(() -> {
            throw new OutOfMemoryError("Java heap space");
        });
        try (QualityMonitor monitor = new QualityMonitor(1, 64, OptionalDouble.empty(), oom, 5_000)) {
            BandLimitedNoise sample = new BandLimitedNoise(64, 0.25, 4);
            monitor.splitStage().apply(window(sample, 4, 1), ctx(0));
            monitor.branch().onResult(sample.realisation(0.3, 9), ctx(0));
            monitor.branch().onComplete();
            assertEquals(1, monitor.sampled());
            assertEquals(1, monitor.failed());
            assertEquals(0, monitor.computed());
            assertTrue(monitor.failure().orElseThrow().contains("OutOfMemoryError: Java heap space"), monitor.failure().get());
            QualitySection json = monitor.branch().runJsonSection();
            assertEquals(1L, json.samplesFailed());
            QualitySection.Point row = json.series().get(0);
            assertEquals("failed", row.outcome());
            assertTrue(row.frcPx() != null, "the FRC computed before the failure is kept");
            assertEquals("1", monitor.branch().progressFields().get("q-failed"));
        }
    }

    @Test
    void aSampleStillRunningWhenTheRunEndsIsCancelledAfterTheTimeoutAndCountedOnce() throws Exception {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
        QualityMetrics stuck = decorrDoes(() -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw new java.util.concurrent.CancellationException("interrupted");
            }
        });
        try (QualityMonitor monitor = new QualityMonitor(1, 64, OptionalDouble.empty(), stuck, 200)) {
            BandLimitedNoise sample = new BandLimitedNoise(64, 0.25, 4);
            monitor.splitStage().apply(window(sample, 4, 1), ctx(0));
            monitor.branch().onResult(sample.realisation(0.3, 9), ctx(0));
            assertTrue(started.await(30, java.util.concurrent.TimeUnit.SECONDS));
            long t0 = System.nanoTime();
            monitor.branch().onComplete();
            assertTrue((System.nanoTime() - t0) / 1e6 < 10_000, "finish is bounded by the timeout");
            assertEquals(1, monitor.cancelled());
            for (int i = 0; i < 500 && !interrupted.get(); i++) {
                Thread.sleep(10);
            }
            assertTrue(interrupted.get(), "the sample's thread was interrupted");
            Thread.sleep(50);
            assertEquals(0, monitor.failed(), "a cancelled sample is not also counted as failed");
            assertEquals(monitor.sampled(), monitor.computed() + monitor.dropped() + monitor.failed() + monitor.cancelled());
            assertTrue(monitor.failure().isEmpty());
            assertTrue(monitor.cancellation().orElseThrow().contains("200 ms"), monitor.cancellation().get());
        }
    }
}
