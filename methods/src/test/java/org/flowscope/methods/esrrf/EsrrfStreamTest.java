package org.flowscope.methods.esrrf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowscope.core.frame.FrameShift;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.window.StreamLayout;
import org.flowscope.engine.device.CpuDevice;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.methods.numerics.scenes.SyntheticFrames;
import org.flowscope.testkit.ConformanceKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The streaming eSRRF operation: its definition, the meaning of a shift, and the joining of runs. */
class EsrrfStreamTest {
    private static final CpuDevice CPU = CpuDevice.create();
    private static final ExecutionContext CTX = () -> CPU;

    @AfterAll
    static void close() {
        CPU.close();
    }

    @Test
    void withoutDriftEveryWindowIsTheEsrrfImageOfItsFrames() {
        ImageStack in = SyntheticFrames.denseBlinking(14, 9, 11, 4);
        for (TemporalCorrelation stat : TemporalCorrelation.values()) {
            EsrrfParams p = EsrrfParams.defaults().withMagnification(3).withTemporal(stat);
            ImageStack got = EsrrfStreamCpu.apply(new EsrrfStreamParams(p, 6, 4), EsrrfStreamInput.of(in));
            assertEquals(3, got.frames());
            for (int w = 0; w < 3; w++) {
                ImageStack expected = EsrrfCpu.apply(p, in.frames(4 * w, 4 * w + 6));
                assertArrayEquals(expected.data(), got.frames(w, w + 1).data(), stat + " window " + w);
            }
        }
    }

    @Test
    void aShiftUndoesAWholePixelMoveExactlyAwayFromTheBorders() {
        // frame b is frame a with its content moved 2 columns right and 1 row down: read 2 / 1 further, b's map is a's
        int h = 24;
        int w = 26;
        ImageStack a = SyntheticFrames.denseBlinking(1, h, w, 7);
        float[] moved = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                moved[y * w + x] = a.get(0, Math.max(0, y - 1), Math.max(0, x - 2));
            }
        }
        ImageStack b = new ImageStack(1, h, w, moved);
        EsrrfParams p = EsrrfParams.defaults().withMagnification(3);
        int hm = 3 * h;
        int wm = 3 * w;
        float[] mapA = new float[hm * wm];
        float[] mapB = new float[hm * wm];
        EsrrfCpu.frameMap(p, a, 0, FrameShift.ZERO, mapA, 0);
        EsrrfCpu.frameMap(p, b, 0, new FrameShift(2f, 1f), mapB, 0);
        float max = 0;
        for (float v : mapA) {
            max = Math.max(max, Math.abs(v));
        }
        // a's clamped border reaches about 5 input pixels in (Roberts cross, the lattice's Catmull-Rom taps, the
        // sample radius), b's 2 more on the side it was moved from
        int margin = 3 * 8;
        for (int i = margin; i < hm - margin; i++) {
            for (int j = margin; j < wm - margin; j++) {
                assertEquals(mapA[i * wm + j], mapB[i * wm + j], 1e-5 * max, "pixel " + i + "," + j);
            }
        }
    }

    @Test
    void theReferenceSessionStreamsWhatTheReferenceDefines() {
        var kit = ConformanceKit.forImageOutput(new EsrrfStream(), new EsrrfStreamCpu());
        for (var c : StreamCases.all().subList(0, 12)) {
            ImageStack expected = EsrrfStreamCpu.apply(c.params(), c.input());
            ImageStack f = c.input().frames();
            ImageStack got = EsrrfStreamer.offline(c.params(), c.input(),
                    new EsrrfStreamCpu().open(c.params(), f.height(), f.width(), PixelType.F32, CTX), "ref");
            assertNull(new EsrrfStream().tolerance().firstViolation(expected.data(), got.data()), c.name());
        }
        assertTrue(kit != null);
    }

    @Test
    void runsOnTwoSessionsAreJoinedOnTheHostIntoTheSameWindows() {
        ImageStack in = SyntheticFrames.denseBlinking(24, 9, 8, 11);
        EsrrfStreamInput input = StreamCases.drifting(in, 3);
        Tolerance tol = new EsrrfStream().tolerance();
        for (TemporalCorrelation stat : TemporalCorrelation.values()) {
            EsrrfStreamParams p = new EsrrfStreamParams(EsrrfParams.defaults().withMagnification(2).withTemporal(stat), 12, 4);
            ImageStack expected = EsrrfStreamCpu.apply(p, input);
            EsrrfStreamCpuThreaded impl = new EsrrfStreamCpuThreaded();
            EsrrfSession one = impl.open(p, 9, 8, PixelType.F32, CTX);
            EsrrfSession two = impl.open(p, 9, 8, PixelType.F32, CTX);
            // units of 2 frames alternate between the sessions: every window joins runs of both on the host
            StreamLayout layout = new StreamLayout(12, 4, 4, 2);
            UnitPlacement alternating = new UnitPlacement() {
                @Override
                public Placed place(long unit) {
                    return unit % 2 == 0 ? new Placed(one, "one") : new Placed(two, "two");
                }

                @Override
                public Placed retry(Placed failed, RuntimeException failure, long unit) {
                    throw failure;
                }

                @Override
                public void unitDone() {
                }

                @Override
                public void close() {
                    one.close();
                    two.close();
                }
            };
            try (EsrrfStreamer s = new EsrrfStreamer(p, layout, 9, 8, alternating)) {
                float[] frame = new float[72];
                for (int f = 0; f < 24; f++) {
                    System.arraycopy(in.data(), in.offset(f), frame, 0, 72);
                    s.frame(f, new PixelData.F32(frame), input.shift(f));
                    if (f + 1 >= 12 && (f + 1 - 12) % 4 == 0) {
                        int w = (f + 1 - 12) / 4;
                        ImageStack got = s.window(4L * w, 12).await();
                        assertNull(tol.firstViolation(expected.frames(w, w + 1).data(), got.data()), stat + " window " + w);
                        s.releaseBefore(4L * (w + 1));
                    }
                }
                assertEquals(4, s.hostJoins());
            }
        }
    }

    @Test
    void aWindowWhoseFramesWereNotAllAddedIsRefused() {
        EsrrfStreamParams p = new EsrrfStreamParams(EsrrfParams.defaults().withMagnification(2), 4, 4);
        EsrrfSession s = new EsrrfStreamCpuThreaded().open(p, 6, 6, PixelType.F32, CTX);
        try (EsrrfStreamer streamer = new EsrrfStreamer(p, new StreamLayout(4, 4, 4, 2), 6, 6,
                UnitPlacement.fixed(s, "cpu"))) {
            float[] frame = new float[36];
            java.util.Arrays.fill(frame, 3f);
            streamer.frame(0, new PixelData.F32(frame), FrameShift.ZERO);
            streamer.frame(1, new PixelData.F32(frame), FrameShift.ZERO);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> streamer.window(0, 4));
            assertTrue(e.getMessage().contains("lacks frames 2..3"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> streamer.frame(3, new PixelData.F32(frame), FrameShift.ZERO));
        }
    }

    @Test
    void unitsAreAboutTenFramesAndDivideTheSegment() {
        assertEquals(10, StreamLayout.unitFor(100));
        assertEquals(8, StreamLayout.unitFor(64));
        assertEquals(97, StreamLayout.unitFor(97));
        assertEquals(5, StreamLayout.unitFor(5));
        assertEquals(new StreamLayout(100, 10, 10, 10), StreamLayout.of(100, 10));
        assertEquals(List.of(20, 4), List.of(StreamLayout.of(100, 20).segment(), StreamLayout.of(12, 8).segment()));
    }
}
