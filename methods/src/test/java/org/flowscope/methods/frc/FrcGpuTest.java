package org.flowscope.methods.frc;


import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.methods.numerics.scenes.BandLimitedNoise;
import org.flowscope.testkit.ConformanceKit;
import org.flowscope.testkit.ReferenceData;
import org.flowscope.testkit.TestDevices;
import org.junit.jupiter.api.Test;

class FrcGpuTest {
    @Test
    void openClConformsToTheReferenceWithTheOperationsTolerance() {
        conforms(new FrcOpenCl(), TestDevices.openClOrSkip());
    }

    @Test
    void cudaConformsToTheReferenceWithTheOperationsTolerance() {
        conforms(new FrcCuda(), TestDevices.cudaOrSkip());
    }

    private static void conforms(Implementation<FrcParams, FrcInput, FrcResult> impl, Device device) {
        BandLimitedNoise sample = new BandLimitedNoise(128, 0.2, 7);
        ImageStack a = sample.realisation(0.8, 1);
        ImageStack b = sample.realisation(0.8, 2);
        float[] ca = new float[100 * 71];
        float[] cb = new float[100 * 71];
        for (int y = 0; y < 100; y++) {
            System.arraycopy(a.data(), y * 128, ca, y * 71, 71);
            System.arraycopy(b.data(), y * 128, cb, y * 71, 71);
        }
        ImageStack ra = ReferenceData.tiff(ReferenceData.resource("reference/inputs/pair256_a.tif")).toImageStack();
        ImageStack rb = ReferenceData.tiff(ReferenceData.resource("reference/inputs/pair256_b.tif")).toImageStack();
        List<ConformanceKit.Case<FrcParams, FrcInput>> cases = List.of(
                new ConformanceKit.Case<>("band-limited 128, standard", FrcParams.defaults(), new FrcInput(a, b)),
                new ConformanceKit.Case<>("100x71 crop (side 70 = 2 5 7), NanoPyx axis",
                        FrcParams.defaults().withConvention(FrcConvention.NANOPYX),
                        new FrcInput(ImageStack.ofImage(100, 71, ca), ImageStack.ofImage(100, 71, cb))),
                new ConformanceKit.Case<>("NanoPyx pair256, 100 nm", FrcParams.defaults().withPixelSize(100),
                        new FrcInput(ra, rb)),
                new ConformanceKit.Case<>("side 254 = 2 x 127 (Bluestein)", FrcParams.defaults(),
                        new FrcInput(crop(ra, 254), crop(rb, 254))));
        ConformanceKit.of(new Frc(), new FrcCpu(), FrcGpuTest::flatten).assertConforms(impl, device, cases);
    }

    private static ImageStack crop(ImageStack s, int n) {
        float[] c = new float[n * n];
        for (int y = 0; y < n; y++) {
            System.arraycopy(s.data(), y * s.width(), c, y * n, n);
        }
        return ImageStack.ofImage(n, n, c);
    }

    /** Raw and smoothed curves and the resolution. */
    private static float[] flatten(FrcResult r) {
        int n = r.raw().length;
        float[] out = new float[2 * n + 1];
        for (int i = 0; i < n; i++) {
            out[i] = (float) r.raw()[i];
            out[n + i] = (float) r.smoothed()[i];
        }
        out[2 * n] = (float) r.resolutionPx();
        return out;
    }
}
