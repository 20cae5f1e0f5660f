package org.flowscope.methods.robertscross;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.reference.NanoPyxCase;
import org.junit.jupiter.api.Test;

class RobertsCrossCpuTest {

    @Test
    void matchesNanoPyxColumnAndRowGradients() {
        var cases = NanoPyxCase.bundled("roberts_cross", "blink100_32_first3");
        assertEquals(2, cases.size());
        for (NanoPyxCase c : cases) {
            ImageStack in = c.input().frames(0, 3);
            Gradients g = RobertsCrossCpu.apply(in);
            c.assertMatches(c.name().endsWith("col") ? g.col() : g.row());
        }
    }

    @Test
    void firstRowAndColumnUseTheClampedNeighbour() {
        float[] px = {1, 2, 4, 8};
        Gradients g = RobertsCrossCpu.apply(ImageStack.ofImage(2, 2, px));
        assertEquals(0f, g.col().get(0, 0, 0));
        assertEquals(2f, g.col().get(0, 0, 1)); // (2-1) + (2-1)
        assertEquals(6f, g.row().get(0, 1, 0)); // (4-1) + (4-1)
        assertEquals((8 - 4) + (2 - 1), g.col().get(0, 1, 1), 0f);
    }
}
