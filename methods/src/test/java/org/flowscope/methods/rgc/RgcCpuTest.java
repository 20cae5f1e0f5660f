package org.flowscope.methods.rgc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.robertscross.Gradients;
import org.flowscope.methods.robertscross.RobertsCrossCpu;
import org.flowscope.methods.magnify.MagnifyCpu;
import org.flowscope.methods.magnify.MagnifyParams;
import org.flowscope.methods.reference.NanoPyxCase;
import org.flowscope.testkit.ReferenceData;
import org.junit.jupiter.api.Test;

class RgcCpuTest {

    private static RgcParams params(NanoPyxCase c) {
        var p = c.params();
        return new RgcParams(p.get("magnification").asInt(), (float) p.get("radius").asDouble(),
                (float) p.get("sensitivity").asDouble(), p.get("doIntensityWeighting").asBoolean());
    }

    @Test
    void matchesNanoPyxOnInputsMadeByOurOwnInterpolatorAndGradients() {
        var cases = NanoPyxCase.bundled("rgc", "blink100_32_first3_rgc");
        assertEquals(2, cases.size());
        for (NanoPyxCase c : cases) {
            ImageStack frames = c.stack("inputs/blink100_32.tif").frames(0, 3);
            Gradients g = RobertsCrossCpu.apply(frames);
            MagnifyParams twice = MagnifyParams.catmullRom(10);
            RgcInput in = new RgcInput(MagnifyCpu.apply(twice, g.col()), MagnifyCpu.apply(twice, g.row()),
                    c.stack("rgc/blink100_32_first3_rgcinput_image_interp.tif"));
            c.assertMatches(RgcCpu.apply(params(c), in));
        }
    }

    @Test
    void matchesNanoPyxOnNanoPyxsOwnMagnifiedGradients() {
        var dir = ReferenceData.sharedOrSkip("reference/rgc");
        for (NanoPyxCase c : NanoPyxCase.in(dir, "blink100_32_first3_rgc_")) {
            RgcInput in = new RgcInput(c.stack("rgc/blink100_32_first3_rgcinput_gradient_col_interp.tif"),
                    c.stack("rgc/blink100_32_first3_rgcinput_gradient_row_interp.tif"),
                    c.stack("rgc/blink100_32_first3_rgcinput_image_interp.tif"));
            c.assertMatches(RgcCpu.apply(params(c), in));
        }
    }

    @Test
    void convergencePeaksHalfAPixelDownAndRightOfTheEmitterAsInNanoPyx() {
        int m = 2;
        int n = 16;
        float[] px = new float[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double dx = x + 0.5 - 7.75;
                double dy = y + 0.5 - 7.75;
                px[y * n + x] = (float) Math.exp(-(dx * dx + dy * dy) / 4);
            }
        }
        ImageStack img = ImageStack.ofImage(n, n, px);
        Gradients g = RobertsCrossCpu.apply(img);
        MagnifyParams twice = MagnifyParams.catmullRom(2 * m);
        RgcInput in = new RgcInput(MagnifyCpu.apply(twice, g.col()), MagnifyCpu.apply(twice, g.row()),
                MagnifyCpu.apply(MagnifyParams.catmullRom(m), img));
        ImageStack out = RgcCpu.apply(new RgcParams(m, 1.5f, 1, false), in);
        float max = 0;
        int arg = -1;
        for (int i = 0; i < out.data().length; i++) {
            if (out.data()[i] > max) {
                max = out.data()[i];
                arg = i;
            }
        }
        // emitter at 7.75; output pixel 16 has its centre at 16.5 / 2 = 8.25 = 7.75 + 0.5
        assertEquals(16 * 32 + 16, arg, "peak at row " + arg / 32 + " col " + arg % 32);
        assertTrue(max > 0.9f && max <= 1f, "peak convergence " + max);
    }

    @Test
    void rejectsMagnificationAboveTen() {
        var e = assertThrows(IllegalArgumentException.class, () -> new RgcParams(11, 1.5f, 1, true));
        assertTrue(e.getMessage().contains("1..10"), e.getMessage());
    }
}
