package org.flowscope.methods.srrf;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.engine.spi.WorkShape;
import org.flowscope.methods.numerics.scenes.SyntheticFrames;

/**
 * SRRF, super-resolution radial fluctuations (methods spec &sect;6): a stack of {@code F} frames {@code (F, H, W)}
 * becomes a time series {@code (T, H M, W M)} float32, one frame per block of frames.
 *
 * <p><b>Per frame</b> (radiality). The gradients are central differences {@code Gx = I[r, c+1] - I[r, c-1]},
 * {@code Gy = I[r+1, c] - I[r-1, c]}. Output pixel {@code (j, i)} has its centre at {@code (yc, xc) = (j + 0.5,
 * i + 0.5)} output pixels; twelve points {@code (xc + R cos(k pi/6), yc + R sin(k pi/6))} on a ring of radius
 * {@code R = ringRadius M} sample the gradient field by Catmull-Rom interpolation; each contributes
 * {@code D_k = (1 - |g x r_k| / (|g| R))^2}, the squared closeness of the gradient's line to the centre, with a minus
 * sign when the gradient points away from the centre ({@code g . r_k > 0}). The radiality is {@code sum D_k / 12}
 * (clipped at 0 with the positivity constraint), multiplied by the Catmull-Rom-magnified image at the pixel with
 * intensity weighting. Units: input intensity times a dimensionless radiality in [-1, 1].
 *
 * <p><b>Per time point</b> the frames' maps are reduced by a {@link Temporal} analysis (mean, maximum, pairwise
 * product sum or an auto-cumulant of order 2-4), then, optionally, the macro-pixel correction divides each of the
 * M&times;M sub-pixel phases by its mean.
 *
 * <p><b>Geometry.</b> NanoPyx's ring and gradient sampling is already centred on the output pixel; its quirks are
 * elsewhere, and {@link Geometry#NANOPYX} reproduces all of them: the intensity sampled at {@code i/M} (half an output
 * pixel off), zero gradients and a zero margin of {@code (1 + border) M} output pixels at the edges, the macro-pixel
 * correction applied to every frame before the temporal analysis, the frames after the last whole block dropped, and
 * the temporal formulas of NanoPyx (order 3 sums {@code d_t d_t+1 + d_t+2}; order 4 subtracts products of sums, not of
 * means; the windows stop one frame early; results divided by {@code T}). {@link Geometry#CENTRED} (default) samples
 * the intensity at pixel centres, takes gradients of the edge-replicated frame, computes every pixel inside
 * {@code border}, corrects macro-pixels once on the result, keeps a shorter last block, and uses the auto-cumulants as
 * written in {@link Temporal} (means over every window of consecutive frames).
 *
 * <p>Literature: N. Gustafsson, S. Culley et al., "Fast live-cell conventional fluorophore nanoscopy with ImageJ
 * through super-resolution radial fluctuations", Nat. Commun. 7, 12471 (2016); NanoPyx, Saraiva et al., Nat.
 * Methods 22 (2025).
 */
public final class Srrf implements Operation<SrrfParams, ImageStack, ImageStack>,
        BenchmarkInputs<SrrfParams, ImageStack, ImageStack> {
    public static final String ID = "srrf";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void validate(SrrfParams p, ImageStack in) {
        long out = (long) in.frameSize() * p.magnification() * p.magnification();
        if (out > Integer.MAX_VALUE / 8) {
            throw new IllegalArgumentException("magnified frame too large: " + in.height() + "x" + in.width()
                    + " x " + p.magnification() + "^2 = " + out + " pixels (max " + Integer.MAX_VALUE / 8 + ")");
        }
        int margin = p.geometry().margin(p.border(), p.magnification());
        if (p.border() > 0 && (in.height() * p.magnification() <= 2 * margin || in.width() * p.magnification() <= 2 * margin)) {
            throw new IllegalArgumentException("border " + p.border() + " leaves no pixel of a " + in.width() + "x"
                    + in.height() + " frame" + (p.geometry() == Geometry.NANOPYX ? " (NanoPyx skips one pixel more)" : ""));
        }
        int block = p.blockLength(in.frames());
        int shortest = block;
        if (p.geometry() == Geometry.CENTRED) {
            shortest = in.frames() - (p.timePoints(in.frames()) - 1) * block;
        }
        int needed = p.temporal().minimumFrames(p.geometry());
        if (shortest < needed) {
            throw new IllegalArgumentException(p.temporal() + " needs at least " + needed + " frames in every time point"
                    + (p.geometry() == Geometry.NANOPYX ? " (NanoPyx's windows stop one frame early)" : "") + ", got "
                    + (shortest == block ? "" : "a last block of ") + shortest + " (frames " + in.frames()
                    + ", frames per time point " + p.framesPerTimePoint() + ")");
        }
    }

    @Override
    public WorkShape shape(SrrfParams p, ImageStack in) {
        TreeMap<String, String> m = new TreeMap<>();
        m.put("magnification", Integer.toString(p.magnification()));
        m.put("ringRadius", Float.toString(p.ringRadius()));
        m.put("temporal", p.temporal().name());
        m.put("geometry", p.geometry().name());
        m.put("intensityWeighting", Boolean.toString(p.intensityWeighting()));
        m.put("macroPixelCorrection", Boolean.toString(p.macroPixelCorrection()));
        return new WorkShape(ID, List.of(in.frames(), in.height(), in.width()), "f32", m);
    }

    /** Per output pixel and frame: 12 ring points of two 4x4 interpolations; twice with per-frame correction. */
    @Override
    public double cost(SrrfParams p, ImageStack in) {
        double perPixel = SrrfParams.RING_POINTS * 40 + 20 + 2 * p.temporal().window() * p.temporal().window();
        return (p.correctsFrames() ? 2 : 1) * (double) in.frames() * in.frameSize() * p.magnification()
                * p.magnification() * perPixel;
    }

    /**
     * Seeded blinking frames ({@link SyntheticFrames#blinking}). With {@code spec.kernel() == 0}: the benchmark
     * setting, x5, ring 0.5, AVG, centred. With {@code kernel = M > 0}: magnification M and, from the seed, a ring
     * radius, a temporal analysis, a geometry, a border that fits and the on/off options, so that a sweep of M and
     * seeds covers the parameter space; a cumulant gets the fewest frames it needs when the spec asks for fewer.
     */
    @Override
    public Case<SrrfParams, ImageStack> benchmarkCase(Spec spec, long seed) {
        SrrfParams p = SrrfParams.defaults();
        int frames = spec.frames();
        if (spec.kernel() > 0) {
            int s = (int) Math.floorMod(seed, 420L);
            float[] radii = {0.5f, 0.75f, 1f, 1.5f, 2f};
            Geometry g = s % 2 == 0 ? Geometry.CENTRED : Geometry.NANOPYX;
            // the geometry follows the parity of the seed, the analysis its half, so both vary together in a sweep
            Temporal t = Temporal.values()[(s / 2 + 1) % Temporal.values().length];
            frames = Math.max(frames, t.minimumFrames(g));
            int m = Math.min(spec.kernel(), SrrfParams.MAX_MAGNIFICATION);
            int border = s % 7 == 3 && Math.min(spec.width(), spec.height()) > 6 ? 1 : 0;
            p = new SrrfParams(m, radii[s % radii.length], border, s % 3 != 2, s % 4 != 3, s % 5 != 4, t, 0, g);
        }
        ImageStack in = SyntheticFrames.blinking(frames, spec.height(), spec.width(), seed);
        return new Case<>(p, in, spec.width() + "x" + spec.height() + "x" + frames + " x" + p.magnification()
                + " ring " + p.ringRadius() + " " + p.temporal() + " " + p.geometry().name().toLowerCase(Locale.ROOT)
                + (p.border() > 0 ? " border " + p.border() : "") + (p.macroPixelCorrection() ? "" : " no-mpc"));
    }

    @Override
    public float[] values(ImageStack output) {
        return output.data();
    }

    @Override
    public String toString() {
        return ID;
    }

    /**
     * Every implementation stays within 1e-4 of the largest reference value: the implementations reorder float32
     * interpolation sums and evaluate the temporal analysis in one pass with double running sums where the reference
     * takes two passes.
     */
    @Override
    public Tolerance tolerance() {
        return new Tolerance(0, 1e-4);
    }
}
