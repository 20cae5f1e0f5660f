package org.flowscope.methods.numerics.interpolation;

import java.util.Locale;
import java.util.Objects;

/**
 * An interpolator: a separable {@link Kernel}, what it reads beyond the image ({@link Border}) and how its weights
 * are rescaled ({@link Normalisation}). Every interpolation of flowscope is one of these: NanoPyx's ShiftAndMagnify
 * kernels ({@link #NANOPYX_CATMULL_ROM} and its siblings), eSRRF's centred Catmull-Rom with edge taps repeated, and
 * the shifts and warps of drift correction and channel registration ({@link #normalised}).
 *
 * <p>Coordinates are continuous image coordinates in input pixels: pixel {@code k} covers {@code [k, k+1)} and is
 * the sample at {@code k + 0.5} (spec &sect;0.2), so a zero shift is the identity for every kernel. Where an output
 * grid samples the input is the caller's {@link Sampling}. Accumulation is in double, results are rounded to float,
 * as in NanoPyx's C kernels. Immutable and thread-safe.
 */
public record Interpolator(Kernel kernel, Border border, Normalisation normalisation) {
    /** NanoPyx's nearest neighbour: {@code I[trunc(y), trunc(x)]}. */
    public static final Interpolator NANOPYX_NEAREST = new Interpolator(Kernel.NEAREST, Border.NANOPYX, Normalisation.NONE);
    /** NanoPyx's bicubic: Keys' cubic (a = -0.5) on 4x4 taps, normalised by the weights of the taps used. */
    public static final Interpolator NANOPYX_BICUBIC =
            new Interpolator(Kernel.CATMULL_ROM, Border.NANOPYX, Normalisation.USED_TAPS);
    /** NanoPyx's Catmull-Rom, not normalised (edges attenuate); NanoPyx's eSRRF interpolator. */
    public static final Interpolator NANOPYX_CATMULL_ROM =
            new Interpolator(Kernel.CATMULL_ROM, Border.NANOPYX, Normalisation.NONE);
    /** NanoPyx's Lanczos (a = 4, 5x5 taps), normalised by the weights of the taps used. */
    public static final Interpolator NANOPYX_LANCZOS =
            new Interpolator(Kernel.LANCZOS4, Border.NANOPYX, Normalisation.USED_TAPS);

    public Interpolator {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(border, "border");
        Objects.requireNonNull(normalisation, "normalisation");
    }

    /** {@code kernel} with weights that sum to 1 and the given border: what shifts and warps use. */
    public static Interpolator normalised(Kernel kernel, Border border) {
        return new Interpolator(kernel, border, Normalisation.UNIT_SUM);
    }

    /**
     * One of NanoPyx's ShiftAndMagnify kernels by its NanoPyx name: {@code nearest_neighbor}, {@code bicubic},
     * {@code catmull_rom} or {@code lanczos} (case-insensitive).
     */
    public static Interpolator nanopyx(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "nearest_neighbor" -> NANOPYX_NEAREST;
            case "bicubic" -> NANOPYX_BICUBIC;
            case "catmull_rom" -> NANOPYX_CATMULL_ROM;
            case "lanczos" -> NANOPYX_LANCZOS;
            default -> throw new IllegalArgumentException("NanoPyx interpolator must be nearest_neighbor, bicubic,"
                    + " catmull_rom or lanczos, got '" + name + "'");
        };
    }

    /**
     * The interpolated value of the {@code rows x cols} image at {@code img[off ..]} (row-major) at continuous
     * position ({@code y}, {@code x}).
     */
    public float at(float[] img, int off, int rows, int cols, double y, double x) {
        requireSpatial("evaluate points");
        if (border == Border.NANOPYX) {
            if (kernel == Kernel.NEAREST) {
                return truncatingNearest(img, off, rows, cols, y, x);
            }
            if (y < 0 || y >= rows || x < 0 || x >= cols) {
                return 0f;
            }
        }
        int taps = kernel.taps();
        double[] wr = new double[taps];
        int[] ir = new int[taps];
        double usedR = Taps.axis(kernel, border, y, rows, wr, ir, 0);
        int c0 = kernel.firstTap(x - 0.5);
        // NanoPyx's order: per column tap the weighted sum down the rows, then across the columns
        double q = 0;
        double usedC = 0;
        double allC = 0;
        for (int j = 0; j < taps; j++) {
            int c = c0 + j;
            double wc = kernel.weight(x - (c + 0.5));
            allC += wc;
            int cc = border.index(c, cols);
            if (cc >= 0) {
                usedC += wc;
                q += Taps.column(img, off + cc, cols, wr, ir) * wc;
            }
        }
        return (float) Taps.normalise(applied(), q, usedR, Taps.sum(wr, 0, taps), usedC, allC);
    }

    /**
     * {@link #at} at every point of the grid {@code ys x xs} into {@code out[outOff + k * xs.length + l]}: the same
     * values, computed separably (each row position filters every column once), so a magnification costs a few taps
     * per output pixel instead of taps squared.
     */
    public void grid(float[] img, int off, int rows, int cols, double[] ys, double[] xs, float[] out, int outOff) {
        requireSpatial("evaluate points");
        if (border == Border.NANOPYX && kernel == Kernel.NEAREST) {
            for (int k = 0; k < ys.length; k++) {
                for (int l = 0; l < xs.length; l++) {
                    out[outOff + k * xs.length + l] = truncatingNearest(img, off, rows, cols, ys[k], xs[l]);
                }
            }
        } else {
            GridSampler.sample(this, img, off, rows, cols, ys, xs, out, outOff);
        }
    }

    /**
     * Translates the h*w image at {@code src[srcOff]} into {@code dst[dstOff]} (which must not overlap it):
     * {@code out(x, y) = in(x - sx, y - sy)}, i.e. content moves by {@code (+sx, +sy)} pixels (x = columns,
     * y = rows). Correcting a drift {@code (dx, dy)} is a shift by {@code (-dx, -dy)}. {@link Kernel#FOURIER}
     * shifts periodically, whatever the border and normalisation.
     */
    public void shift(float[] src, int srcOff, int h, int w, double sx, double sy, float[] dst, int dstOff) {
        if (!Double.isFinite(sx) || !Double.isFinite(sy)) {
            throw new IllegalArgumentException("shift must be finite, got (" + sx + ", " + sy + ")");
        }
        if (kernel == Kernel.FOURIER) {
            FourierShift.shift(src, srcOff, h, w, sx, sy, dst, dstOff);
        } else if (border == Border.NANOPYX) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    dst[dstOff + y * w + x] = at(src, srcOff, h, w, y + 0.5 - sy, x + 0.5 - sx);
                }
            }
        } else {
            SubPixelShift.shift(this, src, srcOff, h, w, sx, sy, dst, dstOff);
        }
    }

    /**
     * Samples the h*w image at {@code src[srcOff]} at a per-pixel displacement into {@code dst[dstOff]}:
     * {@code out(x, y) = in(x + vx(x, y), y + vy(x, y))}, {@code vx}, {@code vy} row-major h*w.
     */
    public void warp(float[] src, int srcOff, int h, int w, float[] vx, float[] vy, float[] dst, int dstOff) {
        if (kernel == Kernel.FOURIER) {
            throw new IllegalArgumentException("FOURIER cannot sample a non-uniform field; use LANCZOS3, CATMULL_ROM or LINEAR");
        }
        if (border == Border.NANOPYX) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    dst[dstOff + i] = at(src, srcOff, h, w, y + 0.5 + vy[i], x + 0.5 + vx[i]);
                }
            }
        } else {
            FieldWarp.warp(this, src, srcOff, h, w, vx, vy, dst, dstOff);
        }
    }

    /** The normalisation as applied: UNIT_SUM is a no-op for kernels whose weights already sum to 1. */
    Normalisation applied() {
        return normalisation == Normalisation.UNIT_SUM && kernel.sumsToOne() ? Normalisation.NONE : normalisation;
    }

    /** NanoPyx's nearest neighbour: truncation toward zero, so positions in (-1, 0) read sample 0 [quirk]. */
    static float truncatingNearest(float[] img, int off, int rows, int cols, double y, double x) {
        int r = (int) y;
        int c = (int) x;
        if (r < 0 || r >= rows || c < 0 || c >= cols || y <= -1 || x <= -1) {
            return 0f;
        }
        return img[off + r * cols + c];
    }

    private void requireSpatial(String what) {
        if (!kernel.spatial()) {
            throw new IllegalArgumentException(kernel + " has no spatial kernel and cannot " + what + "; it only shifts");
        }
    }
}
