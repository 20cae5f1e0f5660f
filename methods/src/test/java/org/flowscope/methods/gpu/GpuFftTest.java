package org.flowscope.methods.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.flowscope.engine.spi.Device;
import org.flowscope.methods.numerics.fft.Fourier;
import org.flowscope.testkit.TestDevices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GpuFftTest {
    @ParameterizedTest(name = "{0}x{1} on OpenCL")
    @CsvSource({"8, 8", "12, 10", "30, 45", "64, 128", "49, 14", "1, 20", "125, 27", "22, 254", "13, 17", "1, 1"})
    void forwardAndInverseMatchJTransformsOnOpenCl(int h, int w) {
        check(TestDevices.openClOrSkip(), h, w);
    }

    @ParameterizedTest(name = "{0}x{1} on CUDA")
    @CsvSource({"8, 8", "30, 45", "64, 128", "49, 14", "22, 254"})
    void forwardAndInverseMatchJTransformsOnCuda(int h, int w) {
        check(TestDevices.cudaOrSkip(), h, w);
    }

    @Test
    void sidesWithPrimeFactorsAboveSevenAreTheBluesteinOnes() {
        assertTrue(GpuFft.supports(2 * 3 * 5 * 7 * 16));
        assertFalse(GpuFft.supports(22));
        assertFalse(GpuFft.supports(0));
        var e = assertThrows(IllegalArgumentException.class, () -> new GpuFft(null, 0, 8));
        assertTrue(e.getMessage().contains("0x8"), e.getMessage());
    }

    private static void check(Device device, int h, int w) {
        Random rnd = new Random(h * 31L + w);
        double[] data = new double[2 * h * w];
        for (int i = 0; i < data.length; i++) {
            data[i] = rnd.nextGaussian() * 10 + (i % 2 == 0 ? 3 : 0);
        }
        double[] expected = data.clone();
        new Fourier(h, w).forward(expected);
        double[][] got = Gpu.with(device, gpu -> {
            GpuFft fft = new GpuFft(gpu, h, w);
            GpuBuffer a = gpu.upload(data);
            GpuBuffer tmp = gpu.buffer(fft.complexBytes());
            fft.forward(a, tmp);
            double[] forward = new double[data.length];
            gpu.download(a, 0, forward, 0, forward.length);
            fft.inverse(a, tmp);
            double[] back = new double[data.length];
            gpu.download(a, 0, back, 0, back.length);
            return new double[][] {forward, back};
        });
        double max = 0;
        for (double v : expected) {
            max = Math.max(max, Math.abs(v));
        }
        assertArrayEquals(expected, got[0], 1e-12 * max, "forward " + h + "x" + w);
        assertArrayEquals(data, got[1], 1e-12 * max, "inverse of forward " + h + "x" + w);
    }
}
