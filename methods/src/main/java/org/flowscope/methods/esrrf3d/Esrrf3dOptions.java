package org.flowscope.methods.esrrf3d;

import picocli.CommandLine.Option;

/**
 * eSRRF 3-D's command-line options; the defaults are NanoPyx's workflow defaults except the geometry. Enum values are
 * parsed by picocli (case-insensitive), so a bad value is a usage error naming the accepted ones.
 */
public final class Esrrf3dOptions {
    /** NanoPyx's default z step over pixel size, used when the file does not record both. */
    public static final double DEFAULT_VOXEL_RATIO = 4.0;

    @Option(names = "--magnification-xy", paramLabel = "M", defaultValue = "2",
            description = "Output voxels per input voxel along x and y, integer 1-10 (default: ${DEFAULT-VALUE}).")
    int magnificationXy = 2;

    @Option(names = "--magnification-z", paramLabel = "M", defaultValue = "2",
            description = "Output slices per input slice, integer 1-10 (default: ${DEFAULT-VALUE}).")
    int magnificationZ = 2;

    @Option(names = "--radius", paramLabel = "PX", defaultValue = "1.5",
            description = "Lateral PSF FWHM in input pixels, > 0 (default: ${DEFAULT-VALUE}).")
    double radius = 1.5;

    @Option(names = "--psf-ratio", paramLabel = "R", defaultValue = "2.8",
            description = "Axial over lateral PSF FWHM, > 0 (default: ${DEFAULT-VALUE}); radius_z = radius x psf-ratio "
                    + "/ voxel-ratio slices.")
    double psfRatio = 2.8;

    @Option(names = "--voxel-ratio", paramLabel = "R",
            description = "z step over pixel size, > 0 (default: from the file's z step and pixel size, else 4).")
    Double voxelRatio;

    @Option(names = "--sensitivity", paramLabel = "S", defaultValue = "1",
            description = "Convergence exponent, >= 1 (default: ${DEFAULT-VALUE}).")
    double sensitivity = 1;

    @Option(names = "--temporal", paramLabel = "average|std", defaultValue = "average",
            description = "Reduction of the frames of a time point: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    TemporalMode temporal = TemporalMode.AVERAGE;

    @Option(names = "--no-intensity-weighting", description = "Do not multiply the convergence by the magnified intensity.")
    boolean noIntensityWeighting;

    @Option(names = "--no-macro-pixel-correction", description = "Do not normalise the Mxy x Mxy sub-pixel phases of each slice.")
    boolean noMacroPixelCorrection;

    @Option(names = "--geometry", paramLabel = "centred|nanopyx", defaultValue = "centred",
            description = "centred (default): geometrically exact, every voxel defined; nanopyx: NanoPyx 2.1.2's eSRRF 3-D "
                    + "with its quirks (half-voxel offsets, z replication, signed dz test, NaN where a window is empty, "
                    + "zero margins), for parity with NanoPyx.")
    Geometry geometry = Geometry.CENTRED;

    @Option(names = "--frames-per-timepoint", paramLabel = "N", defaultValue = "0",
            description = "Input time points per output volume; 0 (default) makes one volume of the whole series.")
    int framesPerTimePoint;

    @Option(names = "--slices", paramLabel = "Z",
            description = "Slices per volume of a stack whose file does not say (a plain multi-page TIFF, planes z fastest).")
    Integer slices;

    /** The parameters with {@code voxelRatio} unless given; IllegalArgumentException naming the rule and the value. */
    public Esrrf3dParams params(double fileVoxelRatio) {
        return new Esrrf3dParams(magnificationXy, magnificationZ, radius, psfRatio,
                voxelRatio != null ? voxelRatio : fileVoxelRatio, sensitivity, !noIntensityWeighting, temporal,
                !noMacroPixelCorrection, framesPerTimePoint, geometry);
    }

    /** Whether {@code --voxel-ratio} was given. */
    public boolean voxelRatioGiven() {
        return voxelRatio != null;
    }
}
