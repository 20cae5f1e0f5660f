package org.flowscope.methods.esrrf3d;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.engine.spi.WorkShape;

/**
 * eSRRF 3-D (methods spec &sect;5): a time series of volumes {@code (T, Z, Y, X)} becomes a series of super-resolved
 * volumes {@code (T', Z Mz, Y Mxy, X Mxy)}, {@code T' = ceil(T / framesPerTimePoint)}.
 *
 * <p>Per time point: the intensity and its three gradients are magnified onto the output grid (Catmull-Rom); each
 * output voxel gets the 3-D radial gradient convergence ({@link Rgc3d}) of samples on a whole-voxel lattice around it,
 * within {@code tSO = 2 sigma + 1} laterally ({@code sigma = radius / 2.355}) and {@code tSO_z = 2 sigma_z + 1}
 * axially ({@code sigma_z = radius_z / 2.355}, {@code radius_z = radius psfRatio / voxelRatio} input slices), raised to
 * the sensitivity and multiplied by the magnified intensity. The frames of a time point are reduced to their mean or
 * standard deviation ({@link TemporalMode}); then, optionally, each output slice gets the macro-pixel correction.
 *
 * <p><b>Geometry</b> ({@link Geometry}): {@code CENTRED} (default) samples every volume at voxel centres along all three
 * axes, takes central differences along z, uses symmetric sample windows and {@code |dz|}, and returns 0 for a voxel
 * without samples; {@code NANOPYX} reproduces NanoPyx 2.1.2 with its quirks (samples at {@code i/M}, z replicated,
 * backward z difference, the signed test {@code dz <= tSO_z} that keeps every sample below the voxel, no zero guard so
 * an empty window gives NaN, zero margins).
 *
 * <p>Volume limits: NanoPyx refuses (returns nothing for) {@code radius > Y/2}, {@code 2 radius > X/2} or
 * {@code radius_z > Z/2}; {@code NANOPYX} keeps exactly that rule, {@code CENTRED} its symmetric form
 * {@code radius <= min(X, Y)/2}, {@code radius_z <= Z/2}. A volume needs at least 2 slices.
 *
 * <p>Literature: R. F. Laine, H. S. Heil et al., Nat. Methods 20, 1949-1956 (2023); NanoPyx, Saraiva et al., Nat.
 * Methods 22 (2025).
 */
public final class Esrrf3d implements Operation<Esrrf3dParams, VolumeStack, VolumeStack>,
        BenchmarkInputs<Esrrf3dParams, VolumeStack, VolumeStack> {
    public static final String ID = "esrrf3d";
    /** Largest output volume series, in voxels (every implementation keeps several float copies of a volume). */
    static final long MAX_OUTPUT_VOXELS = Integer.MAX_VALUE / 8;
    /** Largest output volume of a conformance case ({@link #benchmarkCase} with a kernel), voxels. */
    static final long MAX_CASE_VOXELS = 2_000_000;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void validate(Esrrf3dParams p, VolumeStack in) {
        int z = in.slices();
        int h = in.height();
        int w = in.width();
        if (z < 2) {
            throw new IllegalArgumentException("eSRRF 3-D needs volumes of at least 2 slices, got " + z
                    + " slice per time point (a 2-D stack: use esrrf)");
        }
        double rz = p.radiusZ();
        String limits = p.geometry() == Geometry.NANOPYX
                ? (p.radius() > h / 2.0 || 2 * p.radius() > w / 2.0 || rz > z / 2.0
                        ? "NanoPyx's rule radius <= rows/2 = " + h / 2.0 + ", 2 radius <= columns/2 = " + w / 2.0 : null)
                : (p.radius() > Math.min(h, w) / 2.0 || rz > z / 2.0
                        ? "radius <= min(rows, columns)/2 = " + Math.min(h, w) / 2.0 : null);
        if (limits != null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "radius too large for the %dx%dx%d volume: "
                    + "%s and radius_z = radius x psf-ratio / voxel-ratio <= slices/2 = %s, got radius %s and radius_z"
                    + " %.4g", w, h, z, limits, z / 2.0, p.radius(), rz));
        }
        long out = (long) p.timePoints(in.timePoints()) * z * p.magnificationZ() * h * p.magnificationXy() * w
                * p.magnificationXy();
        if (out > MAX_OUTPUT_VOXELS) {
            throw new IllegalArgumentException("output too large: " + out + " voxels (max " + MAX_OUTPUT_VOXELS
                    + "); lower the magnifications or split the stack");
        }
    }

    @Override
    public WorkShape shape(Esrrf3dParams p, VolumeStack in) {
        TreeMap<String, String> m = new TreeMap<>();
        m.put("magnificationXy", Integer.toString(p.magnificationXy()));
        m.put("magnificationZ", Integer.toString(p.magnificationZ()));
        m.put("radius", Double.toString(p.radius()));
        m.put("radiusZ", Double.toString(p.radiusZ()));
        m.put("temporal", p.temporal().name());
        m.put("geometry", p.geometry().name());
        return new WorkShape(ID, List.of(in.timePoints(), in.slices(), in.height(), in.width()), "f32", m);
    }

    @Override
    public double cost(Esrrf3dParams p, VolumeStack in) {
        Esrrf3dPlan plan = new Esrrf3dPlan(p, in.slices(), in.height(), in.width());
        int samples = plan.slotsY.count() * plan.slotsX.count() * plan.slotsZ.count();
        return (double) in.timePoints() * plan.voxels() * (samples + 64);
    }

    /** Every implementation stays within 1e-4 of the largest reference value; NaN where the reference has NaN. */
    @Override
    public Tolerance tolerance() {
        return new Tolerance(0, 1e-4);
    }

    /**
     * Seeded blinking volumes ({@link BlinkingVolumes}), {@code spec.frames()} time points of {@code width x height}.
     * With {@code spec.kernel() == 0}: the benchmark setting, 8 slices, defaults (x2, x2, radius 1.5, psf 2.8,
     * voxel 4, AVERAGE, centred). With {@code kernel = Mxy > 0} (the conformance matrix): that lateral magnification
     * and, from the seed, 2-6 slices, an axial magnification 1-3, radius, ratios, statistic, geometry and the on/off
     * options (STD only with 2 frames or more: it is 0 for one); on large frames the slices, then the axial and
     * lateral magnifications are lowered until the output has at most
     * {@value #MAX_CASE_VOXELS} voxels per volume, so that the reference checks every case in seconds. Radii are
     * reduced to what the volume admits, so tiny specs are valid cases too. The label names what was chosen.
     */
    @Override
    public Case<Esrrf3dParams, VolumeStack> benchmarkCase(Spec spec, long seed) {
        int s = (int) Math.floorMod(seed, 840L);
        Esrrf3dParams p = Esrrf3dParams.defaults();
        int slices = 8;
        if (spec.kernel() > 0) {
            double[] radii = {0.8, 1, 1.5, 2};
            double[] psf = {2, 2.8, 3.5};
            slices = 2 + s % 5;
            int mxy = Math.min(spec.kernel(), Esrrf3dParams.MAX_MAGNIFICATION);
            int mz = 1 + s % 3;
            long plane = (long) spec.width() * spec.height();
            while (plane * mxy * mxy * slices * mz > MAX_CASE_VOXELS && (mxy > 1 || mz > 1 || slices > 2)) {
                if (slices > 2) {
                    slices--;
                } else if (mz > 1) {
                    mz--;
                } else {
                    mxy--;
                }
            }
            p = p.withMagnification(mxy, mz)
                    .withRadius(radii[s % 4]).withRatios(psf[s % 3], s % 2 == 0 ? 4 : 2)
                    .withTemporal(s / 2 % 2 == 0 || spec.frames() < 2 ? TemporalMode.AVERAGE : TemporalMode.STD)
                    .withGeometry(s % 4 < 2 ? Geometry.CENTRED : Geometry.NANOPYX)
                    .withIntensityWeighting(s % 5 != 3).withMacroPixelCorrection(s % 7 != 5)
                    .withSensitivity(s % 6 == 1 ? 2 : 1);
        }
        p = fitted(p, slices, spec.height(), spec.width());
        VolumeStack in = BlinkingVolumes.generate(spec.frames(), slices, spec.height(), spec.width(), seed);
        return new Case<>(p, in, spec.width() + "x" + spec.height() + "x" + slices + "x" + spec.frames() + " x"
                + p.magnificationXy() + "/x" + p.magnificationZ() + " r" + p.radius() + " " + p.temporal() + " "
                + p.geometry().name().toLowerCase(Locale.ROOT));
    }

    /** {@code p} with radius and PSF ratio reduced (by 1 %, below the limit) until the volume admits them. */
    static Esrrf3dParams fitted(Esrrf3dParams p, int z, int h, int w) {
        double maxRadius = p.geometry() == Geometry.NANOPYX ? Math.min(h / 2.0, w / 4.0) : Math.min(h, w) / 2.0;
        if (p.radius() > maxRadius) {
            p = p.withRadius(0.99 * maxRadius);
        }
        if (p.radiusZ() > z / 2.0) {
            p = p.withRatios(0.99 * (z / 2.0) * p.voxelRatio() / p.radius(), p.voxelRatio());
        }
        return p;
    }

    @Override
    public float[] values(VolumeStack output) {
        return output.data();
    }

    @Override
    public String toString() {
        return ID;
    }
}
