package org.flowscope.methods.decorr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.DeviceMemoryException;
import org.flowscope.methods.numerics.scenes.BandLimitedNoise;
import org.flowscope.methods.numerics.fft.Fourier;
import org.junit.jupiter.api.Test;

class CpuDecorrSpectrumTest {
    @Test
    void storedMagnitudesAreThoseOfTheFullTransformOfThePaddedImage() {
        ImageStack img = new BandLimitedNoise(128, 0.2, 4).realisation(0.3, 2);
        float[] crop = new float[100 * 70];
        for (int y = 0; y < 100; y++) {
            System.arraycopy(img.data(), y * 128, crop, y * 70, 70);
        }
        ImageStack oblong = ImageStack.ofImage(100, 70, crop);
        PaddedImage padded = new PaddedImage(oblong);
        int n = padded.n();
        double[] full = new double[n * n];
        double[] row = new double[n];
        for (int y = 0; y < n; y++) {
            padded.row(y, row);
            System.arraycopy(row, 0, full, y * n, n);
        }
        double[] f = Fourier.forward(full, n, n);
        try (CpuDecorrSpectrum s = CpuDecorrSpectrum.of(oblong, null);
             CpuDecorrSpectrum t = CpuDecorrSpectrum.of(oblong, ForkJoinPool.commonPool())) {
            assertEquals(128, s.n());
            double max = 0;
            for (int ky = 0; ky < n; ky++) {
                for (int kx = 0; kx <= n / 2; kx++) {
                    int i = ky * n + kx;
                    double expected = ky == 0 && kx == 0 ? 0 : Math.hypot(f[2 * i], f[2 * i + 1]);
                    max = Math.max(max, expected);
                    assertEquals(expected, s.magnitude(ky, kx), 1e-6 * Math.max(1, expected), "at " + ky + "," + kx);
                    assertEquals(s.magnitude(ky, kx), t.magnitude(ky, kx), 0, "threaded transform differs");
                }
            }
            assertTrue(max > 0);
        }
    }

    @Test
    void aSpectrumLargerThanHalfTheHeapFailsBeforeAllocatingWithBothSizes() {
        long max = Runtime.getRuntime().maxMemory();
        int side = (int) Math.min(32768, Integer.highestOneBit((int) Math.min(Integer.MAX_VALUE, (long) Math.sqrt(max / 8.0))) * 2L);
        // a 1-row image whose padded square needs more than half the heap
        ImageStack wide = ImageStack.ofImage(1, side, new float[side]);
        var e = assertThrows(DeviceMemoryException.class, () -> CpuDecorrSpectrum.of(wide, null));
        assertTrue(e.requestedBytes() > max / 2, e.getMessage());
        assertTrue(e.getMessage().contains(side + "x" + side), e.getMessage());
    }
}
