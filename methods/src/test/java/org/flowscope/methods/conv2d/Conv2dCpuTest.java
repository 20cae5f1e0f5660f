package org.flowscope.methods.conv2d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.testkit.ReferenceData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Conv2dCpuTest {

    @ParameterizedTest
    @ValueSource(strings = {"conv_96x80_kernel3_asym", "conv_96x80_kernel9_asymgauss"})
    void matchesNanoPyxReferenceWithinTheCaseTolerance(String name) {
        Path json = ReferenceData.resource("reference/conv2d/" + name + ".json");
        JsonNode c = ReferenceData.json(json);
        Path dir = json.getParent();
        ImageStack image = ReferenceData.tiff(dir.resolve(c.at("/input/image").asText())).toImageStack();
        ReferenceData.Stack k = ReferenceData.tiff(dir.resolve(c.at("/input/kernel").asText()));
        ImageStack expected = ReferenceData.tiff(dir.resolve(c.at("/output").asText())).toImageStack();
        Conv2dParams params = new Conv2dParams(k.data(), k.height(), k.width());

        ImageStack out = Conv2dCpu.compute(params, image);

        Tolerance cpuOnly = new Tolerance(c.at("/tolerance_suggestion/abs_cpu_only").asDouble(), 0);
        assertNull(cpuOnly.firstViolation(expected.data(), out.data()), name);
        double rel = c.at("/tolerance_suggestion/rel_to_max").asDouble();
        assertTrue(new Conv2d().tolerance().relToMax() <= rel, "operation tolerance must not be looser than the case's");
    }

    @Test
    void computesTheCorrelationWithClampedBordersByHand() {
        // 2x3 image, 1x2 kernel [a b], anchor column (2-1) div 2 = 0: out[c] = a*I[c] + b*I[min(c+1, 2)]
        ImageStack in = new ImageStack(1, 2, 3, new float[] {1, 2, 3, 10, 20, 30});
        Conv2dParams p = new Conv2dParams(new float[] {1, 100}, 1, 2);
        ImageStack out = Conv2dCpu.compute(p, in);
        assertArrayEquals(new float[] {201, 302, 303, 2010, 3020, 3030}, out.data());
    }

    @Test
    void doesNotFlipTheKernelAndClampsRowsAtBothEdges() {
        // 3x1 column, 3x1 kernel [1 10 100], anchor row 1: out[r] = I[r-1] + 10 I[r] + 100 I[r+1] (clamped)
        ImageStack in = new ImageStack(1, 3, 1, new float[] {1, 2, 3});
        Conv2dParams p = new Conv2dParams(new float[] {1, 10, 100}, 3, 1);
        assertArrayEquals(new float[] {1 + 10 + 200, 1 + 20 + 300, 2 + 30 + 300}, Conv2dCpu.compute(p, in).data());
    }

    @Test
    void keepsFramesApart() {
        ImageStack in = new ImageStack(2, 1, 2, new float[] {1, 2, 5, 7});
        ImageStack out = Conv2dCpu.compute(Conv2dParams.ones(3), in);
        // each frame: 3 rows of the clamped single row; columns [c-1, c, c+1] clamped
        assertArrayEquals(new float[] {3 * (1 + 1 + 2), 3 * (1 + 2 + 2), 3 * (5 + 5 + 7), 3 * (5 + 7 + 7)}, out.data());
    }

    @Test
    void handlesKernelsWiderThanTheImage() {
        ImageStack in = new ImageStack(1, 1, 2, new float[] {1, 3});
        ImageStack out = Conv2dCpu.compute(Conv2dParams.ones(7), in);
        // 7 rows all clamp to row 0; anchor 3: columns c-3..c+3 clamped: c=0 -> 4x1 + 3x3 = 13; c=1 -> 3x1 + 4x3 = 15
        assertArrayEquals(new float[] {7 * 13, 7 * 15}, out.data());
    }

    @Test
    void rejectsAKernelWhoseLengthDoesNotMatchItsSides() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Conv2dParams(new float[5], 2, 3));
        assertTrue(e.getMessage().contains("kh*kw = 6"), e.getMessage());
    }

    @Test
    void rejectsNonFiniteWeightsAndOversizedKernels() {
        assertThrows(IllegalArgumentException.class, () -> new Conv2dParams(new float[] {Float.NaN}, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Conv2dParams.box(Conv2dParams.MAX_SIDE + 1));
        assertThrows(IllegalArgumentException.class, () -> Conv2dParams.gaussian(5, 0));
    }

    @Test
    void gaussianIsNormalisedAndSymmetric() {
        float[] g = Conv2dParams.gaussian(6, 1.0).kernel();
        double sum = 0;
        for (float v : g) {
            sum += v;
        }
        assertEquals(1.0, sum, 1e-6);
        assertEquals(g[0], g[35], 0f);
        assertEquals(g[2], g[3], 0f);
    }

    @Test
    void costIsPixelsTimesKernelArea() {
        assertEquals(2.0 * 3 * 4 * 5 * 7, new Conv2d().cost(new Conv2dParams(new float[35], 5, 7), ImageStack.zeros(2, 3, 4)));
    }
}
