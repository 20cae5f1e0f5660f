package org.flowscope.simulators.volume;

import java.util.Locale;
import java.util.Objects;

/**
 * A simulated z-stack time series of blinking emitters in a volume (as a multi-plane or fast z-scanning microscope
 * records it: every slice of a time point sees the same emitter states).
 *
 * @param width             columns, &ge; 2
 * @param height            rows, &ge; 2
 * @param slices            slices per volume, &ge; 1
 * @param timePoints        volumes, &ge; 1
 * @param pixelSizeNm       lateral pixel size, nm, &gt; 0
 * @param zStepNm           distance between slices, nm, &gt; 0
 * @param psfSigmaNm        lateral standard deviation of the Gaussian PSF, nm, &gt; 0
 * @param psfRatio          axial over lateral PSF width (sigma and FWHM alike), &gt; 0: the PSF is elongated in z
 * @param pattern           where emitters sit
 * @param densityPerUm3     emitters per cubic micrometre of the imaged volume, &gt; 0
 * @param photonsPerFrame   photons an emitter emits per time point while on (in focus: its whole lateral PSF), &gt; 0
 * @param backgroundPhotons uniform background, photons per voxel per time point, &ge; 0
 * @param pOn               probability per time point that an off emitter switches on, [0, 1]
 * @param pOff              probability per time point that an on emitter switches off, [0, 1]
 * @param readNoiseE        Gaussian read noise, electrons rms, &ge; 0
 * @param offsetAdu         camera offset added to every voxel, ADU, &ge; 0
 * @param seed              seed of every random draw
 */
public record VolumeParams(int width, int height, int slices, int timePoints, double pixelSizeNm, double zStepNm,
        double psfSigmaNm, double psfRatio, Pattern pattern, double densityPerUm3, double photonsPerFrame,
        double backgroundPhotons, double pOn, double pOff, double readNoiseE, double offsetAdu, long seed) {

    /** Where emitters sit. */
    public enum Pattern {
        /** Uniform in the volume. */
        RANDOM,
        /** On persistent 3-D random walks through the volume (curved filaments). */
        FILAMENTS;

        /** Parses {@code random} or {@code filaments} (case-insensitive). */
        public static Pattern parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("3-D pattern must be random or filaments, got '" + name + "'");
            }
        }
    }

    public VolumeParams {
        if (width < 2 || height < 2 || slices < 1 || timePoints < 1) {
            throw new IllegalArgumentException("volume size must be at least 2x2 pixels, 1 slice and 1 time point, got "
                    + width + "x" + height + "x" + slices + " x " + timePoints);
        }
        positive("pixel size (nm)", pixelSizeNm);
        positive("z step (nm)", zStepNm);
        positive("PSF sigma (nm)", psfSigmaNm);
        positive("PSF ratio (axial / lateral)", psfRatio);
        positive("density (emitters per um^3)", densityPerUm3);
        positive("photons per frame", photonsPerFrame);
        Objects.requireNonNull(pattern, "pattern");
        if (!(backgroundPhotons >= 0) || !(readNoiseE >= 0) || !(offsetAdu >= 0)) {
            throw new IllegalArgumentException("background, read noise and offset must be >= 0, got " + backgroundPhotons
                    + ", " + readNoiseE + ", " + offsetAdu);
        }
        if (!(pOn >= 0 && pOn <= 1) || !(pOff >= 0 && pOff <= 1)) {
            throw new IllegalArgumentException("blinking probabilities must be in [0, 1], got on " + pOn + ", off " + pOff);
        }
        if ((long) width * height * slices * timePoints > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("simulated volumes too large to hold in memory: " + width + "x" + height
                    + "x" + slices + " x " + timePoints);
        }
    }

    private static void positive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number > 0, got " + v);
        }
    }

    /**
     * Filaments, 100 nm pixels, 300 nm z step, a 120 nm PSF 2.8 times longer in z, 5 emitters per um^3, 500 photons,
     * 10 background photons, on 5 % / off 30 % per time point, 1.5 e read noise, offset 100.
     */
    public static VolumeParams defaults(int width, int height, int slices, int timePoints, long seed) {
        return new VolumeParams(width, height, slices, timePoints, 100, 300, 120, 2.8, Pattern.FILAMENTS, 5, 500, 10,
                0.05, 0.3, 1.5, 100, seed);
    }

    /** Lateral PSF sigma in pixels. */
    public double sigmaPx() {
        return psfSigmaNm / pixelSizeNm;
    }

    /** Axial PSF sigma in slices. */
    public double sigmaSlices() {
        return psfSigmaNm * psfRatio / zStepNm;
    }

    public VolumeParams withPattern(Pattern p) {
        return new VolumeParams(width, height, slices, timePoints, pixelSizeNm, zStepNm, psfSigmaNm, psfRatio, p,
                densityPerUm3, photonsPerFrame, backgroundPhotons, pOn, pOff, readNoiseE, offsetAdu, seed);
    }

    public VolumeParams withDensity(double d) {
        return new VolumeParams(width, height, slices, timePoints, pixelSizeNm, zStepNm, psfSigmaNm, psfRatio, pattern,
                d, photonsPerFrame, backgroundPhotons, pOn, pOff, readNoiseE, offsetAdu, seed);
    }

    public VolumeParams withOptics(double pixelNm, double zStep, double sigmaNm, double ratio) {
        return new VolumeParams(width, height, slices, timePoints, pixelNm, zStep, sigmaNm, ratio, pattern,
                densityPerUm3, photonsPerFrame, backgroundPhotons, pOn, pOff, readNoiseE, offsetAdu, seed);
    }

    public VolumeParams withPhotons(double photons, double background) {
        return new VolumeParams(width, height, slices, timePoints, pixelSizeNm, zStepNm, psfSigmaNm, psfRatio, pattern,
                densityPerUm3, photons, background, pOn, pOff, readNoiseE, offsetAdu, seed);
    }

    public VolumeParams withBlinking(double on, double off) {
        return new VolumeParams(width, height, slices, timePoints, pixelSizeNm, zStepNm, psfSigmaNm, psfRatio, pattern,
                densityPerUm3, photonsPerFrame, backgroundPhotons, on, off, readNoiseE, offsetAdu, seed);
    }
}
