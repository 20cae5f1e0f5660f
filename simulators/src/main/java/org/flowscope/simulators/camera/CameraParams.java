package org.flowscope.simulators.camera;

import org.flowscope.core.frame.PixelType;

/**
 * The simulated camera. A pixel's value in ADU is
 * {@code clamp(round(gain * (Poisson(expected photons) + Normal(0, readNoise)) + offset), 0, 2^bitDepth - 1)}:
 * shot noise on the photons, Gaussian read noise in electrons, gain in ADU per electron, a constant offset (quantum
 * efficiency 1: photons and photo-electrons are the same here).
 *
 * @param width        columns, &gt; 0
 * @param height       rows, &gt; 0
 * @param pixelSizeNm  pixel size in the sample plane, nm
 * @param bitDepth     8 (u8 frames) or 9..16 (u16 frames)
 * @param offsetAdu    baseline added to every pixel, ADU, &ge; 0
 * @param gain         ADU per electron, &gt; 0
 * @param readNoiseE   read noise standard deviation, electrons, &ge; 0
 * @param fps          frame rate for {@link Pacing#REAL_TIME} and timestamps, &gt; 0
 */
public record CameraParams(int width, int height, double pixelSizeNm, int bitDepth, double offsetAdu, double gain,
                           double readNoiseE, double fps) {
    public CameraParams {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("camera size must be positive, got " + width + "x" + height);
        }
        if (width < 2 || height < 2) {
            throw new IllegalArgumentException("camera size must be at least 2x2, got " + width + "x" + height);
        }
        if ((long) width * height > 4096L * 4096) {
            throw new IllegalArgumentException("camera size " + width + "x" + height + " exceeds 4096x4096");
        }
        if (!(pixelSizeNm > 0) || !Double.isFinite(pixelSizeNm)) {
            throw new IllegalArgumentException("pixel size must be > 0 nm, got " + pixelSizeNm);
        }
        if (bitDepth < 8 || bitDepth > 16) {
            throw new IllegalArgumentException("bit depth must be in 8..16, got " + bitDepth);
        }
        if (!(offsetAdu >= 0) || !Double.isFinite(offsetAdu)) {
            throw new IllegalArgumentException("offset must be >= 0 ADU, got " + offsetAdu);
        }
        if (!(gain > 0) || !Double.isFinite(gain)) {
            throw new IllegalArgumentException("gain must be > 0 ADU/e-, got " + gain);
        }
        if (!(readNoiseE >= 0) || !Double.isFinite(readNoiseE)) {
            throw new IllegalArgumentException("read noise must be >= 0 e-, got " + readNoiseE);
        }
        if (!(fps > 0) || !Double.isFinite(fps)) {
            throw new IllegalArgumentException("fps must be > 0, got " + fps);
        }
    }

    /** 128x128, 100 nm pixels, 16 bit, offset 100 ADU, gain 1, read noise 1.5 e-, 100 fps (an sCMOS-like camera). */
    public static CameraParams defaults() {
        return new CameraParams(128, 128, 100, 16, 100, 1.0, 1.5, 100);
    }

    public CameraParams withSize(int w, int h) {
        return new CameraParams(w, h, pixelSizeNm, bitDepth, offsetAdu, gain, readNoiseE, fps);
    }

    public CameraParams withFps(double f) {
        return new CameraParams(width, height, pixelSizeNm, bitDepth, offsetAdu, gain, readNoiseE, f);
    }

    public CameraParams withBitDepth(int b) {
        return new CameraParams(width, height, pixelSizeNm, b, offsetAdu, gain, readNoiseE, fps);
    }

    public CameraParams withNoise(double offset, double g, double readNoise) {
        return new CameraParams(width, height, pixelSizeNm, bitDepth, offset, g, readNoise, fps);
    }

    public CameraParams withPixelSizeNm(double nm) {
        return new CameraParams(width, height, nm, bitDepth, offsetAdu, gain, readNoiseE, fps);
    }

    public PixelType pixelType() {
        return bitDepth == 8 ? PixelType.U8 : PixelType.U16;
    }

    /** Largest pixel value, 2^bitDepth - 1. */
    public int maxValue() {
        return (1 << bitDepth) - 1;
    }
}
