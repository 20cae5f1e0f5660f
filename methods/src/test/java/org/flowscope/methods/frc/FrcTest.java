package org.flowscope.methods.frc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.testkit.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrcTest {
    private static ImageStack image(String name) {
        return ReferenceData.tiff(ReferenceData.resource("reference/inputs/" + name)).toImageStack();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pair256_px1", "pair256_px100"})
    void matchesNanoPyxReferenceInNanoPyxConvention(String name) {
        JsonNode ref = ReferenceData.json(ReferenceData.resource("reference/frc/" + name + ".json"));
        double pixel = ref.get("params").get("pixel_size").asDouble();
        FrcResult r = FrcCpu.compute(new FrcParams(pixel, FrcConvention.NANOPYX),
                new FrcInput(image("pair256_a.tif"), image("pair256_b.tif")));
        double expected = ref.get("frc_resolution").asDouble();
        double rel = ref.get("tolerance_suggestion").get("rel_to_max").asDouble();
        assertEquals(expected, r.resolutionNm(), rel * expected, "resolution in pixel-size units");

        ReferenceData.Stack curve = ReferenceData.tiff(ReferenceData.resource("reference/frc/" + ref.get("output").asText()));
        int rows = curve.height();
        assertEquals(r.smoothed().length, rows, "curve length");
        float[] refCurve = new float[rows];
        float[] refFreq = new float[rows];
        float[] freqNm = new float[rows];
        for (int i = 0; i < rows; i++) {
            refFreq[i] = curve.data()[2 * i];
            refCurve[i] = curve.data()[2 * i + 1];
            freqNm[i] = (float) (r.frequency()[i] / pixel);
        }
        assertNull(new Tolerance(1e-4, 0).firstViolation(refCurve, r.smoothedAsFloat()), "smoothed curve");
        assertNull(new Tolerance(0, 1e-6).firstViolation(refFreq, freqNm), "frequency axis");
    }

    @Test
    void standardConventionScalesNanoPyxResolutionByTrueRingFrequency() {
        FrcInput in = new FrcInput(image("pair256_a.tif"), image("pair256_b.tif"));
        FrcResult nano = FrcCpu.compute(FrcParams.defaults().withConvention(FrcConvention.NANOPYX), in);
        FrcResult std = FrcCpu.compute(FrcParams.defaults(), in);
        assertEquals(nano.resolutionPx() * 256.0 / 252.0, std.resolutionPx(), 1e-4);
        assertTrue(Double.isNaN(std.resolutionNm()), "no pixel size -> no nm value");
    }

    @Test
    void cropsNonSquareImagesToTheCentralEvenSquare() {
        ImageStack a = image("pair256_a.tif");
        ImageStack b = image("pair256_b.tif");
        FrcResult cropped = FrcCpu.compute(FrcParams.defaults(), new FrcInput(crop(a, 20, 30, 101, 130), crop(b, 20, 30, 101, 130)));
        // 101 x 130 -> side 100, rows from (101-100)/2 = 0, columns from (130-100)/2 = 15
        FrcResult square = FrcCpu.compute(FrcParams.defaults(), new FrcInput(crop(a, 20, 45, 100, 100), crop(b, 20, 45, 100, 100)));
        assertEquals(square.resolutionPx(), cropped.resolutionPx(), 0);
        assertEquals(49, cropped.raw().length, "rings 0 .. N/2 - 2");
    }

    private static ImageStack crop(ImageStack s, int y0, int x0, int h, int w) {
        float[] out = new float[h * w];
        for (int y = 0; y < h; y++) {
            System.arraycopy(s.data(), (y0 + y) * s.width() + x0, out, y * w, w);
        }
        return ImageStack.ofImage(h, w, out);
    }

    @Test
    void rejectsImagesOfDifferentSizes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new FrcInput(ImageStack.zeros(1, 32, 32), ImageStack.zeros(1, 32, 30)));
        assertTrue(e.getMessage().contains("32x30"), e.getMessage());
    }

    @Test
    void rejectsConstantImages() {
        ImageStack c = ImageStack.ofImage(32, 32, new float[32 * 32]);
        var e = assertThrows(IllegalArgumentException.class, () -> FrcCpu.compute(FrcParams.defaults(), new FrcInput(c, c)));
        assertTrue(e.getMessage().contains("constant"), e.getMessage());
    }

    @Test
    void rejectsOddEvenSplitOfSingleFrame() {
        var e = assertThrows(IllegalArgumentException.class, () -> FrcInput.oddEven(ImageStack.zeros(1, 32, 32)));
        assertTrue(e.getMessage().contains("at least 2 frames"), e.getMessage());
    }

    @Test
    void rejectsNonPositivePixelSize() {
        assertThrows(IllegalArgumentException.class, () -> new FrcParams(-1, FrcConvention.STANDARD));
    }
}
