package org.flowscope.methods.numerics.scenes;

import java.util.Random;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.numerics.fft.Fourier;

/**
 * Synthetic test images whose spatial frequencies stop at a known cut-off: seeded white noise, ideally low-passed
 * (a disc of radius {@code cutoff} cycles per pixel in the Fourier plane), plus optional independent white noise.
 * Their FRC and decorrelation resolution should be {@code 1 / cutoff} pixels.
 */
public final class BandLimitedNoise {
    private final int size;
    private final float[] signal;

    /** A band-limited signal of unit variance on a {@code size x size} grid. */
    public BandLimitedNoise(int size, double cutoff, long seed) {
        this.size = size;
        Random rnd = new Random(seed);
        float[] white = new float[size * size];
        for (int i = 0; i < white.length; i++) {
            white[i] = (float) rnd.nextGaussian();
        }
        double[] f = Fourier.forward(white, size, size);
        for (int y = 0; y < size; y++) {
            double fy = (y <= size / 2 ? y : y - size) / (double) size;
            for (int x = 0; x < size; x++) {
                double fx = (x <= size / 2 ? x : x - size) / (double) size;
                if (fx * fx + fy * fy > cutoff * cutoff) {
                    f[2 * (y * size + x)] = 0;
                    f[2 * (y * size + x) + 1] = 0;
                }
            }
        }
        Fourier.inverse(f, size, size);
        double var = 0;
        for (int i = 0; i < white.length; i++) {
            var += f[2 * i] * f[2 * i];
        }
        double scale = 1 / Math.sqrt(var / white.length);
        signal = new float[white.length];
        for (int i = 0; i < white.length; i++) {
            signal[i] = (float) (f[2 * i] * scale);
        }
    }

    /** The signal plus white Gaussian noise of standard deviation {@code noise}, offset to positive values. */
    public ImageStack realisation(double noise, long seed) {
        Random rnd = new Random(seed);
        float[] out = new float[signal.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (10 + signal[i] + noise * rnd.nextGaussian());
        }
        return ImageStack.ofImage(size, size, out);
    }
}
