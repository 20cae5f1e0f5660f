package org.flowscope.methods.decorr;

import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.methods.numerics.scenes.BandLimitedNoise;
import org.flowscope.testkit.ConformanceKit;
import org.flowscope.testkit.ReferenceData;
import org.flowscope.testkit.TestDevices;
import org.junit.jupiter.api.Test;

class DecorrGpuTest {
    @Test
    void openClConformsToTheReferenceWithTheOperationsTolerance() {
        conforms(new DecorrOpenCl(), TestDevices.openClOrSkip());
    }

    @Test
    void cudaConformsToTheReferenceWithTheOperationsTolerance() {
        conforms(new DecorrCuda(), TestDevices.cudaOrSkip());
    }

    static List<ConformanceKit.Case<DecorrParams, ImageStack>> cases() {
        ImageStack square = new BandLimitedNoise(128, 0.2, 5).realisation(0.3, 9);
        ImageStack oblong = new BandLimitedNoise(128, 0.15, 6).realisation(0.3, 10);
        float[] crop = new float[100 * 70];
        for (int y = 0; y < 100; y++) {
            System.arraycopy(oblong.data(), y * 128, crop, y * 70, 70);
        }
        ImageStack nanopyx = ReferenceData.tiff(ReferenceData.resource("reference/inputs/pair256_a.tif")).toImageStack();
        return List.of(
                new ConformanceKit.Case<>("128 square, defaults", DecorrParams.defaults(), square),
                new ConformanceKit.Case<>("100x70 odd padding, n_r 30 n_g 6", new DecorrParams(0.05, 0.9, 30, 6, Double.NaN),
                        ImageStack.ofImage(100, 70, crop)),
                new ConformanceKit.Case<>("NanoPyx pair256_a, pixel 100 nm", DecorrParams.defaults().withPixelSize(100),
                        nanopyx.frames() == 1 ? nanopyx : nanopyx.frame(0)));
    }

    private static void conforms(Implementation<DecorrParams, ImageStack, DecorrResult> impl, Device device) {
        ConformanceKit.of(new Decorr(), new DecorrCpu(), Decorr::flatten).assertConforms(impl, device, cases());
    }
}
