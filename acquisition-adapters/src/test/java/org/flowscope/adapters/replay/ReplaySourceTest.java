package org.flowscope.adapters.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.testing.PlainTiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplaySourceTest {
    @TempDir
    Path dir;

    private Path u16Stack(int frames, double intervalMs) {
        ImageStack s = ImageStack.zeros(frames, 6, 5);
        for (int f = 0; f < frames; f++) {
            java.util.Arrays.fill(s.data(), s.offset(f), s.offset(f + 1), 100 + f);
        }
        Path p = dir.resolve("rec.tif");
        TiffStacks.writeU16(p, s, StackMetadata.of(PixelType.U16, 110, intervalMs));
        return p;
    }

    private static List<long[]> collect(ReplaySource src) throws Exception {
        List<long[]> out = new ArrayList<>();
        src.run((md, px) -> out.add(new long[] {md.sequence(), md.acquisitionTimeNs(), ((PixelData.U16) px).pixels()[7]}));
        return out;
    }

    @Test
    void replaysEveryFrameInOrderAtTheRecordedRate() throws Exception {
        try (ReplaySource src = new ReplaySource(u16Stack(6, 10), ReplayRate.recorded(), 0)) {
            assertEquals(100.0, src.format().framesPerSecond().getAsDouble(), 1e-9);
            assertEquals(110.0, src.format().pixelSizeNm().getAsDouble(), 1e-6);
            long t0 = System.nanoTime();
            List<long[]> frames = collect(src);
            assertTrue(System.nanoTime() - t0 >= 45_000_000L, "5 periods of 10 ms");
            assertEquals(6, frames.size());
            assertEquals(5, frames.get(5)[0]);
            assertEquals(50_000_000L, frames.get(5)[1]);
            assertEquals(105, frames.get(5)[2]);
        }
    }

    @Test
    void fixedRateOverridesTheFileAndFramesLimitTakesTheFirstFrames() throws Exception {
        try (ReplaySource src = new ReplaySource(u16Stack(6, 10), ReplayRate.fixed(500), 3)) {
            List<long[]> frames = collect(src);
            assertEquals(3, frames.size());
            assertEquals(4_000_000L, frames.get(2)[1]);
        }
    }

    @Test
    void asFastAsPossibleStillStampsRecordedTimes() throws Exception {
        try (ReplaySource src = new ReplaySource(u16Stack(4, 1000), ReplayRate.asFastAsPossible(), 0)) {
            long t0 = System.nanoTime();
            List<long[]> frames = collect(src);
            assertTrue(System.nanoTime() - t0 < 1_000_000_000L);
            assertEquals(3_000_000_000L, frames.get(3)[1]);
        }
    }

    @Test
    void recordedRateWithoutIntervalInTheFileIsRejected() throws Exception {
        Path p = dir.resolve("plain.tif");
        PlainTiff.writeU16Ramp(p, 4, 4, 3);
        var e = assertThrows(IllegalArgumentException.class, () -> new ReplaySource(p, ReplayRate.recorded(), 0));
        assertTrue(e.getMessage().contains("frame interval"), e.getMessage());
    }

    @Test
    void floatNanFrameStopsTheReplayNamingTheFrame() throws Exception {
        Path p = dir.resolve("nan.tif");
        float[] v = new float[3 * 16];
        v[2 * 16 + 3] = Float.NaN;
        PlainTiff.writeF32(p, 4, 4, 3, v);
        try (ReplaySource src = new ReplaySource(p, ReplayRate.asFastAsPossible(), 0)) {
            List<Long> seen = new ArrayList<>();
            var e = assertThrows(IllegalArgumentException.class, () -> src.run((md, px) -> seen.add(md.sequence())));
            assertTrue(e.getMessage().contains("frame 2"), e.getMessage());
            assertEquals(List.of(0L, 1L), seen);
        }
    }
}
