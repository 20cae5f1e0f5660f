package org.flowscope.adapters.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.core.testing.MeanOperator;
import org.flowscope.core.pipeline.LivePipeline;
import org.flowscope.core.pipeline.RunSummary;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.core.pipeline.WindowOperator;
import org.flowscope.core.sink.TiffFrameSink;
import org.flowscope.core.sink.TiffResultSink;
import org.flowscope.core.stream.BackpressurePolicy;
import org.flowscope.core.stream.RunCounters;
import org.flowscope.core.window.WindowSpec;
import org.flowscope.mmplugin.FrameSender;
import org.flowscope.mmplugin.OutgoingFrame;
import org.flowscope.mmplugin.SenderSettings;
import org.flowscope.mmplugin.SenderStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In one JVM: the Micro-Manager plugin's sender → loopback socket → the service → the live pipeline → an operator →
 * result.tif, with raw.tif on the raw path. The camera bursts 10× faster than the operator processes, so the
 * pipeline pushes back all the way to the sender; nothing on the raw path may be lost and every counter must agree.
 */
class PluginToResultEndToEndTest {
    private static final int W = 32;
    private static final int H = 24;
    private static final int FRAMES = 200;
    private static final int WINDOW = 10;
    /** Burst: one frame every 0.5 ms (2000 frames/s). */
    private static final long BURST_PERIOD_NS = 500_000;
    /** Processing: 50 ms per 10-frame window (200 frames/s), a tenth of the burst rate. */
    private static final long PROCESS_MS_PER_WINDOW = 50;

    /** The temporal average, slowed to a fixed processing rate. */
    private static final class SlowAverage implements WindowOperator {
        private final MeanOperator average = new MeanOperator();

        @Override
        public String name() {
            return "slow-average";
        }

        @Override
        public ImageStack apply(ImageStack window, WindowContext context) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PROCESS_MS_PER_WINDOW));
            return average.apply(window, context);
        }
    }

    private static short value(int frame, int pixel) {
        return (short) (30_000 + frame * 100 + pixel % 97);
    }

    @Test
    void aBurstTenTimesFasterThanProcessingReachesTheRawAndResultFilesWithoutLoss(@TempDir Path dir) throws Exception {
        ServedFrameSource service = ServedFrameSource.start(FrameServiceConfig.loopback(0).withStopWhenClientEnds(true));
        InetSocketAddress address = service.address();
        FrameSender sender = new FrameSender(new SenderSettings(address.getHostString(), address.getPort(), "", "", "",
                FRAMES, "e2e-plugin"));
        Thread camera = new Thread(() -> {
            long next = System.nanoTime();
            for (int k = 0; k < FRAMES; k++) {
                short[] pixels = new short[W * H];
                for (int i = 0; i < pixels.length; i++) {
                    pixels[i] = value(k, i);
                }
                sender.offer(new OutgoingFrame(W, H, OutgoingFrame.PIXEL_U16, pixels, k, k * BURST_PERIOD_NS, 100.0, 0));
                next += BURST_PERIOD_NS;
                LockSupport.parkNanos(next - System.nanoTime());
            }
            sender.finish();
        }, "e2e-camera");
        camera.start();

        Path raw = dir.resolve("raw.tif");
        Path result = dir.resolve("result.tif");
        TiffResultSink resultSink = new TiffResultSink(result, 100.0, 0);
        LivePipeline pipeline = LivePipeline.builder(service)
                .window(WindowSpec.tumbling(WINDOW))
                .operator(new SlowAverage())
                .policy(BackpressurePolicy.LAG)
                .lagSpool(2)
                .poolCapacity(40)
                .ringSize(16)
                .rawSink(new TiffFrameSink(raw, service.format()))
                .resultSink(resultSink)
                .build();
        long t0 = System.nanoTime();
        RunSummary summary = pipeline.run();
        double runSeconds = (System.nanoTime() - t0) / 1e9;
        camera.join(10_000);
        assertTrue(sender.awaitFinished(10, TimeUnit.SECONDS));

        SenderStats sent = sender.stats();
        assertEquals(FRAMES, sent.offered);
        assertEquals(FRAMES, sent.acknowledged, sent.summary());
        assertEquals(0, sent.undelivered(), sent.summary());
        assertEquals(FRAMES, service.stats().framesAccepted());
        assertEquals(FRAMES, summary.counter(RunCounters.INGEST_FRAMES));
        assertEquals(FRAMES, summary.counter(RunCounters.RAW_FRAMES));
        assertEquals(0, summary.counter(RunCounters.CAMERA_LOST));
        assertEquals(0, summary.counter(RunCounters.ANALYSIS_SKIPPED));
        assertEquals(FRAMES / WINDOW, summary.counter(RunCounters.ANALYSIS_PROCESSED));
        assertEquals(0, pipeline.pool().outstanding(), "every pooled frame released");
        assertTrue(runSeconds >= FRAMES / WINDOW * PROCESS_MS_PER_WINDOW / 1000.0,
                "processing, not the burst, set the pace: " + runSeconds + " s");

        ImageStack rawStack = TiffStacks.read(raw).stack();
        assertEquals(FRAMES, rawStack.frames());
        for (int k : new int[] {0, 1, 99, FRAMES - 1}) {
            for (int i : new int[] {0, 5, W * H - 1}) {
                assertEquals(value(k, i) & 0xFFFF, rawStack.get(k, i / W, i % W), 0, "raw frame " + k + " pixel " + i);
            }
        }
        ImageStack resultStack = TiffStacks.read(result).stack();
        assertEquals(FRAMES / WINDOW, resultStack.frames());
        assertEquals(FRAMES / WINDOW, resultSink.framesWritten());
        double expected = 0;
        for (int k = 0; k < WINDOW; k++) {
            expected += value(k, 0) & 0xFFFF;
        }
        assertEquals(expected / WINDOW, resultStack.get(0, 0, 0), 1e-3, "the first result is the mean of frames 0-9");
    }
}
