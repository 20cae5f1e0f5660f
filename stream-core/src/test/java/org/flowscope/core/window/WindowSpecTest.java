package org.flowscope.core.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.junit.jupiter.api.Test;

class WindowSpecTest {
    @Test
    void countsWindowsOverAStream() {
        assertEquals(2, WindowSpec.tumbling(4).windowsFor(10));
        assertEquals(3, WindowSpec.sliding(4, 2).windowsFor(9));
        assertEquals(3, WindowSpec.timePoints(4).windowsFor(10));
        assertEquals(1, WindowSpec.timePoints(40).windowsFor(10));
        assertEquals(0, WindowSpec.tumbling(40).windowsFor(10));
    }

    @Test
    void rejectsNonPositiveSizeAndStep() {
        assertThrows(IllegalArgumentException.class, () -> WindowSpec.tumbling(0));
        assertThrows(IllegalArgumentException.class, () -> WindowSpec.sliding(4, -1));
    }

    @Test
    void timePointBlocksCoverTheStackWithAShorterLastBlock() {
        assertEquals(List.of(new TimePointBlocks.Block(0, 0, 4), new TimePointBlocks.Block(1, 4, 8),
                new TimePointBlocks.Block(2, 8, 10)), TimePointBlocks.of(10, 4));
        assertEquals(List.of(new TimePointBlocks.Block(0, 0, 10)), TimePointBlocks.of(10, 0));
        ImageStack s = ImageStack.zeros(5, 2, 2);
        assertEquals(List.of(3, 2), TimePointBlocks.split(s, 3).stream().map(ImageStack::frames).toList());
    }

    @Test
    void timePointBlocksRejectBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> TimePointBlocks.of(10, 11));
        assertThrows(IllegalArgumentException.class, () -> TimePointBlocks.of(10, -1));
        assertThrows(IllegalArgumentException.class, () -> TimePointBlocks.of(0, 1));
    }
}
