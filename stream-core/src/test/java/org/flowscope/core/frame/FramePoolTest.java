package org.flowscope.core.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.testing.Frames;
import org.flowscope.core.testing.PoolAssertions;
import org.junit.jupiter.api.Test;

class FramePoolTest {
    @Test
    void releasingTwiceThrows() {
        FramePool pool = Frames.pool(2);
        Frame f = Frames.frame(pool, 7);
        f.release();
        assertThrows(IllegalStateException.class, f::release);
        PoolAssertions.assertNoLeaks(pool);
    }

    @Test
    void bufferReturnsOnlyAfterTheLastReference() {
        FramePool pool = Frames.pool(2);
        Frame f = Frames.frame(pool, 1).retain();
        f.release();
        assertEquals(1, pool.outstanding());
        assertEquals(1, ((PixelData.U16) f.pixels()).pixels()[0]);
        f.release();
        assertEquals(0, pool.outstanding());
        assertThrows(IllegalStateException.class, f::pixels);
        assertThrows(IllegalStateException.class, f::retain);
    }

    @Test
    void exhaustedPoolBlocksUntilAFrameIsReleased() throws Exception {
        FramePool pool = Frames.pool(1);
        Frame a = Frames.frame(pool, 1);
        FrameMetadata md = new FrameMetadata(2, 0, 4, 3, PixelType.U16, OptionalDouble.empty(), 0, "t");
        assertNull(pool.tryAcquire(md, new PixelData.U16(new short[12]), 20));
        a.release();
        Frame b = pool.tryAcquire(md, new PixelData.U16(new short[12]), 1000);
        assertEquals(2, b.sequence());
        b.release();
        assertTrue(pool.waits() >= 1);
    }

    @Test
    void leakReportNamesUnreleasedFrames() {
        FramePool pool = Frames.pool(3);
        Frames.frame(pool, 41).release();
        Frames.frame(pool, 42);
        AssertionError e = assertThrows(AssertionError.class, () -> PoolAssertions.assertNoLeaks(pool, 10));
        assertTrue(e.getMessage().contains("Frame[42"), e.getMessage());
    }

    @Test
    void rejectsFramesOfAnotherSize() {
        FramePool pool = Frames.pool(1);
        FrameMetadata md = new FrameMetadata(0, 0, 5, 3, PixelType.U16, OptionalDouble.empty(), 0, "t");
        assertThrows(IllegalArgumentException.class, () -> pool.acquire(md, new PixelData.U16(new short[15])));
        assertEquals(0, pool.outstanding());
    }
}
