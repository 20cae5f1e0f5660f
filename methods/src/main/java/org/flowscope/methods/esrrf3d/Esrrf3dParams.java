package org.flowscope.methods.esrrf3d;

import java.util.Objects;

/**
 * Parameters of {@link Esrrf3d}. The defaults ({@link #defaults()}) are NanoPyx's workflow defaults except the
 * geometry.
 *
 * @param magnificationXy      output voxels per input voxel along x and y, integer 1..10
 * @param magnificationZ       output slices per input slice, integer 1..10
 * @param radius               lateral PSF FWHM in input pixels, &gt; 0 (the RGC radius)
 * @param psfRatio             axial over lateral PSF FWHM, &gt; 0 (NanoPyx's {@code PSF_ratio}, default 2.8)
 * @param voxelRatio           z step over lateral pixel size, &gt; 0 (NanoPyx's {@code voxel_ratio}, default 4)
 * @param sensitivity          convergence exponent, &ge; 1 (1 = no change)
 * @param intensityWeighting   multiply the convergence by the magnified intensity
 * @param temporal             temporal reduction per time point
 * @param macroPixelCorrection per output slice, divide each of the Mxy&times;Mxy sub-pixel phases by its mean
 * @param framesPerTimePoint   input time points per output time point; 0 = all in one
 * @param geometry             sampling geometry; {@link Geometry#NANOPYX} reproduces NanoPyx
 */
public record Esrrf3dParams(int magnificationXy, int magnificationZ, double radius, double psfRatio, double voxelRatio,
        double sensitivity, boolean intensityWeighting, TemporalMode temporal, boolean macroPixelCorrection,
        int framesPerTimePoint, Geometry geometry) {
    /** Largest magnification along any axis. */
    public static final int MAX_MAGNIFICATION = 10;

    public Esrrf3dParams {
        magnification("magnification-xy", magnificationXy);
        magnification("magnification-z", magnificationZ);
        positive("radius (lateral PSF FWHM, input pixels)", radius);
        positive("psf-ratio (axial / lateral PSF FWHM)", psfRatio);
        positive("voxel-ratio (z step / pixel size)", voxelRatio);
        if (!(sensitivity >= 1) || !Double.isFinite(sensitivity)) {
            throw new IllegalArgumentException("sensitivity must be finite and >= 1, got " + sensitivity);
        }
        Objects.requireNonNull(temporal, "temporal");
        Objects.requireNonNull(geometry, "geometry");
        if (framesPerTimePoint < 0) {
            throw new IllegalArgumentException("frames per time point must be >= 0 (0 = all), got " + framesPerTimePoint);
        }
    }

    private static void magnification(String what, int m) {
        if (m < 1 || m > MAX_MAGNIFICATION) {
            throw new IllegalArgumentException(what + " must be an integer in 1.." + MAX_MAGNIFICATION + ", got " + m);
        }
    }

    private static void positive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and > 0, got " + v);
        }
    }

    /** x2 laterally and axially, radius 1.5, PSF ratio 2.8, voxel ratio 4, AVERAGE, weighting, correction, centred. */
    public static Esrrf3dParams defaults() {
        return new Esrrf3dParams(2, 2, 1.5, 2.8, 4.0, 1, true, TemporalMode.AVERAGE, true, 0, Geometry.CENTRED);
    }

    /** The axial radius in input slices: {@code radius psfRatio / voxelRatio} (NanoPyx's {@code radius_z}). */
    public double radiusZ() {
        return radius * psfRatio / voxelRatio;
    }

    public Esrrf3dParams withMagnification(int xy, int z) {
        return new Esrrf3dParams(xy, z, radius, psfRatio, voxelRatio, sensitivity, intensityWeighting, temporal,
                macroPixelCorrection, framesPerTimePoint, geometry);
    }

    public Esrrf3dParams withRadius(double r) {
        return new Esrrf3dParams(magnificationXy, magnificationZ, r, psfRatio, voxelRatio, sensitivity,
                intensityWeighting, temporal, macroPixelCorrection, framesPerTimePoint, geometry);
    }

    public Esrrf3dParams withRatios(double psf, double voxel) {
        return new Esrrf3dParams(magnificationXy, magnificationZ, radius, psf, voxel, sensitivity, intensityWeighting,
                temporal, macroPixelCorrection, framesPerTimePoint, geometry);
    }

    public Esrrf3dParams withSensitivity(double s) {
        return new Esrrf3dParams(magnificationXy, magnificationZ, radius, psfRatio, voxelRatio, s, intensityWeighting,
                temporal, macroPixelCorrection, framesPerTimePoint, geometry);
    }

    public Esrrf3dParams withIntensityWeighting(boolean on) {
        return new Esrrf3dParams(magnificationXy, magnificationZ, radius, psfRatio, voxelRatio, sensitivity, on,
                temporal, macroPixelCorrection, framesPerTimePoint, geometry);
    }

    public Esrrf3dParams withTemporal(TemporalMode t) {
        return new Esrrf3dParams(magnificationXy, magnificationZ, radius, psfRatio, voxelRatio, sensitivity,
                intensityWeighting, t, macroPixelCorrection, framesPerTimePoint, geometry);
    }

    public Esrrf3dParams withMacroPixelCorrection(boolean on) {
        return new Esrrf3dParams(magnificationXy, magnificationZ, radius, psfRatio, voxelRatio, sensitivity,
                intensityWeighting, temporal, on, framesPerTimePoint, geometry);
    }

    public Esrrf3dParams withFramesPerTimePoint(int n) {
        return new Esrrf3dParams(magnificationXy, magnificationZ, radius, psfRatio, voxelRatio, sensitivity,
                intensityWeighting, temporal, macroPixelCorrection, n, geometry);
    }

    public Esrrf3dParams withGeometry(Geometry g) {
        return new Esrrf3dParams(magnificationXy, magnificationZ, radius, psfRatio, voxelRatio, sensitivity,
                intensityWeighting, temporal, macroPixelCorrection, framesPerTimePoint, g);
    }

    /** Input time points per block for a series of {@code frames}: all of them when 0 or larger than the series. */
    public int blockLength(int frames) {
        return framesPerTimePoint == 0 || framesPerTimePoint > frames ? frames : framesPerTimePoint;
    }

    /** Output time points, {@code ceil(frames / blockLength)}. */
    public int timePoints(int frames) {
        int b = blockLength(frames);
        return (frames + b - 1) / b;
    }
}
