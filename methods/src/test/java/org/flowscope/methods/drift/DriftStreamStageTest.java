package org.flowscope.methods.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.flowscope.core.frame.Frame;
import org.flowscope.core.frame.FrameMetadata;
import org.flowscope.core.frame.FramePool;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.StreamStage;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.window.StreamFrame;
import org.flowscope.core.window.WindowEnd;
import org.flowscope.methods.numerics.scenes.BeadRenderer;
import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Kernel;
import org.junit.jupiter.api.Test;

class DriftStreamStageTest {
    private static final int H = 64;
    private static final int W = 64;

    @Test
    void everyFrameLeavesWithTheDriftOfItsPositionAndMarksStayBehindTheirFrames() throws InterruptedException {
        int n = 80;
        int window = 20;
        double vx = 0.03;
        double vy = -0.02;
        double[] dx = new double[n];
        double[] dy = new double[n];
        for (int t = 0; t < n; t++) {
            dx[t] = vx * t;
            dy[t] = vy * t;
        }
        ImageStack stream = new BeadRenderer(9, 50, H, W, 1.5, 6, 3).stack(H, W, dx, dy, 20, new Random(3));
        FramePool pool = new FramePool(W, H, PixelType.F32, n);
        DriftStreamStage stage = new DriftStreamStage(ShiftMeasurer.reference(), null, 8,
                new DriftCorrectionParams(Kernel.LANCZOS3, Border.NEAREST), 10, window, H, W);
        List<Object> out = new ArrayList<>();
        StreamStage.Downstream sink = new StreamStage.Downstream() {
            @Override
            public void frame(StreamFrame f) {
                out.add(f);
            }

            @Override
            public void windowEnd(WindowEnd end) {
                out.add(end);
            }
        };
        for (int t = 0; t < n; t++) {
            float[] px = new float[H * W];
            System.arraycopy(stream.data(), stream.offset(t), px, 0, px.length);
            Frame f = pool.acquire(new FrameMetadata(t, t, W, H, PixelType.F32, OptionalDouble.empty(), 0, "test"),
                    new PixelData.F32(px));
            stage.frame(new StreamFrame(f, t), sink);
            if ((t + 1) % window == 0) {
                stage.windowEnd(new WindowEnd(new WindowContext(t / window, t - window + 1, t, 0, 0,
                        OptionalDouble.empty()), t - window + 1, window, 0), sink);
            }
            if (t < window - 1) {
                assertTrue(out.isEmpty(), "frames wait for the reference (the first window) at frame " + t);
            }
        }
        stage.finish(sink);
        assertEquals(n + n / window, out.size());
        assertEquals(8, stage.trace().size());
        long expected = 0;
        int ends = 0;
        double refX = vx * (window - 1) / 2.0;
        double refY = vy * (window - 1) / 2.0;
        for (Object o : out) {
            if (o instanceof WindowEnd e) {
                assertEquals(expected, e.endPosition(), "a window's mark follows its last frame");
                ends++;
                continue;
            }
            StreamFrame f = (StreamFrame) o;
            assertEquals(expected, f.position());
            if (f.position() >= 15) {
                // from the second block's centre on, the shift follows the drift relative to the first window
                assertEquals(vx * f.position() - refX, f.shift().dx(), 0.06, "dx at " + f.position());
                assertEquals(vy * f.position() - refY, f.shift().dy(), 0.06, "dy at " + f.position());
            }
            expected++;
            f.release();
        }
        assertEquals(4, ends);
        assertEquals(0, pool.outstanding());
    }

    @Test
    void discardReleasesTheFramesItHolds() throws InterruptedException {
        FramePool pool = new FramePool(W, H, PixelType.F32, 8);
        DriftStreamStage stage = new DriftStreamStage(ShiftMeasurer.reference(), null, 0, DriftCorrectionParams.defaults(),
                10, 20, H, W);
        for (int t = 0; t < 5; t++) {
            Frame f = pool.acquire(new FrameMetadata(t, t, W, H, PixelType.F32, OptionalDouble.empty(), 0, "test"),
                    new PixelData.F32(new float[H * W]));
            stage.frame(new StreamFrame(f, t), null);
        }
        assertEquals(5, pool.outstanding());
        stage.discard();
        assertEquals(0, pool.outstanding());
    }
}
