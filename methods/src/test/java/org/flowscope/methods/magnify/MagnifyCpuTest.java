package org.flowscope.methods.magnify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.numerics.interpolation.Interpolator;
import org.flowscope.methods.reference.NanoPyxCase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class MagnifyCpuTest {

    @TestFactory
    List<DynamicTest> matchesEveryNanoPyxReferenceCase() {
        List<NanoPyxCase> cases = NanoPyxCase.bundled("shift_and_magnify", "interp_2x24x20");
        assertEquals(12, cases.size(), "bundled shift_and_magnify cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            var p = c.params();
            Interpolator k = Interpolator.nanopyx(p.get("interpolator").asText());
            MagnifyParams params = new MagnifyParams(k, (float) p.get("shift_row").asDouble(),
                    (float) p.get("shift_col").asDouble(), (float) p.get("magnification_row").asDouble(),
                    (float) p.get("magnification_col").asDouble());
            c.assertMatches(MagnifyCpu.apply(params, c.input()));
        })).toList();
    }

    @Test
    void catmullRomAtUnitMagnificationIsTheHalfPixelShiftedInputAsInNanoPyx() {
        float[] px = {0, 0, 0, 0, 8, 0, 0, 0, 0};
        ImageStack out = MagnifyCpu.apply(MagnifyParams.catmullRom(1), ImageStack.ofImage(1, 9, px));
        // output 4 sits at x = 4, halfway between inputs 3 and 4: K(0.5) = 0.5625; the single row is queried at
        // y = 0, also halfway, with the tap above the image skipped
        assertEquals(8 * 0.5625 * 0.5625, out.get(0, 0, 4), 1e-6);
        assertEquals(8 * 0.5625 * 0.5625, out.get(0, 0, 5), 1e-6);
        assertEquals(8 * 0.5625 * -0.0625, out.get(0, 0, 3), 1e-6);
    }

    @Test
    void rejectsNonPositiveMagnification() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new MagnifyParams(Interpolator.NANOPYX_CATMULL_ROM, 0, 0, 0, 2));
        assertEquals(true, e.getMessage().contains("magnifications must be finite and > 0"));
    }
}
