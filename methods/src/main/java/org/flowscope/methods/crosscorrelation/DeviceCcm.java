package org.flowscope.methods.crosscorrelation;

import java.util.HashMap;
import java.util.Map;
import org.flowscope.methods.gpu.Gpu;
import org.flowscope.methods.gpu.GpuBuffer;
import org.flowscope.methods.gpu.GpuFft;
import org.flowscope.methods.gpu.GpuProgram;
import org.flowscope.methods.numerics.interpolation.Kernel;

/**
 * {@link CcmKernel} on a GPU ({@code ccm.cl}): the same steps in the same order, every image-sized step on the device
 * in double precision (windowing, {@link GpuFft} transforms, cross-power spectrum, extremes of the map, Pearson sums,
 * the trigonometric interpolant and its derivatives for {@link SubPixelPeak#refine}, phase-ramp or Lanczos-3
 * translation for the refinement). Only scalars cross to the host: per-row partial sums, the extremes of each
 * work-group and the five samples around the integer maximum; the decisions (parabola, Newton steps, refinement
 * breaks) are {@link SubPixelPeak}'s and {@link CcmKernel}'s own, so both give the same peaks to ~1e-12 px.
 *
 * <p>Use within one {@link Gpu} session (a frame already on the device is passed as a buffer and a float offset):
 * <pre>{@code
 * CcmPeak p = Gpu.with(device, gpu -> new DeviceCcm(gpu, h, w, params.smoothingPx(), reference, 0)
 *         .estimate(frame, 0, params, null, 0));
 * }</pre>
 * Reference spectra (one per refinement margin) are kept for the life of the object, so a session estimating many
 * frames against one reference transforms the reference once per margin. Not thread-safe.
 */
public final class DeviceCcm {
    static final GpuProgram PROGRAM = new GpuProgram(DeviceCcm.class, "ccm");
    private static final int LOCAL = 64;
    private static final int RED = 64;
    private static final int MAX_GROUPS = 64;

    private final Gpu gpu;
    private final int h;
    private final int w;
    private final int fh;
    private final int fw;
    private final boolean exact;
    private final double smoothing;
    private final GpuFft fft;
    private GpuBuffer reference;
    private int refOffset;
    private GpuBuffer referenceUpload;
    private final Map<Long, Window> windows = new HashMap<>();
    private final Map<Long, GpuBuffer> refSpectra = new HashMap<>();
    private final java.util.ArrayDeque<GpuBuffer> spareSpectra = new java.util.ArrayDeque<>();
    private final GpuBuffer a;
    private final GpuBuffer tmp;
    private final GpuBuffer spectrum;
    private final GpuBuffer corr;
    private final GpuBuffer partial;
    private GpuBuffer raw;
    private GpuBuffer shifted;
    private GpuBuffer shiftTmp;
    private GpuBuffer frameUpload;
    private GpuBuffer map;
    /** Small tables rewritten per use: interpolant columns and rows, ramp columns and rows, shift weights. */
    private final GpuBuffer colTable;
    private final GpuBuffer rowTable;
    private GpuBuffer rampCol;
    private GpuBuffer rampRow;
    private GpuBuffer weights;

    private record Window(double[] ty, double[] tx, GpuBuffer dty, GpuBuffer dtx, double wsum) {
    }

    /** With a reference image of {@code h*w} floats on the host, at {@code offset}. */
    public DeviceCcm(Gpu gpu, int h, int w, double smoothingPx, float[] reference, int offset) {
        this(gpu, h, w, smoothingPx, gpu.upload(reference, offset, h * w), 0);
    }

    /** Replaces the reference (host image at {@code offset}); device buffers are reused, nothing is allocated. */
    public void reference(float[] image, int offset) {
        referenceUpload = referenceUpload == null ? gpu.buffer(4L * h * w) : referenceUpload;
        gpu.upload(referenceUpload, 0, image, offset, h * w);
        reference(referenceUpload, 0);
    }

    /** Replaces the reference with an image already on the device (float index {@code offset}). */
    public void reference(GpuBuffer image, int offset) {
        this.reference = image;
        this.refOffset = offset;
        spareSpectra.addAll(refSpectra.values());
        refSpectra.clear();
    }

    /** With a reference image already on the device: {@code h*w} floats from float index {@code offset} of the buffer. */
    public DeviceCcm(Gpu gpu, int h, int w, double smoothingPx, GpuBuffer reference, int offset) {
        if (h < 4 || w < 4) {
            throw new IllegalArgumentException("cross-correlation needs images of at least 4x4 pixels, got " + h + "x" + w);
        }
        this.gpu = gpu;
        this.h = h;
        this.w = w;
        this.fh = CcmKernel.smoothSize(h);
        this.fw = CcmKernel.smoothSize(w);
        this.exact = fh == h && fw == w;
        this.smoothing = smoothingPx;
        this.fft = new GpuFft(gpu, fh, fw);
        this.reference = reference;
        this.refOffset = offset;
        long c = fft.complexBytes();
        this.a = gpu.buffer(c);
        this.tmp = gpu.buffer(c);
        this.spectrum = gpu.buffer(c);
        this.corr = gpu.buffer(c);
        this.partial = gpu.buffer(8L * Math.max(6L * fh, Math.max(3L * h, 4L * MAX_GROUPS)));
        this.colTable = gpu.buffer(24L * fw);
        this.rowTable = gpu.buffer(24L * fh);
    }

    /**
     * {@link CcmKernel#estimate} for the frame of {@code h*w} floats at {@code offset} of a host array; {@code mapOut}
     * (or null) receives the normalised map at {@code mapOffset}.
     */
    public CcmPeak estimate(float[] frame, int offset, CrossCorrelationParams params, float[] mapOut, int mapOffset) {
        if (frameUpload == null) {
            frameUpload = gpu.buffer(4L * h * w);
        }
        gpu.upload(frameUpload, 0, frame, offset, h * w);
        return estimate(frameUpload, 0, params, mapOut, mapOffset);
    }

    /** {@link CcmKernel#estimate} for a frame already on the device, from float index {@code offset} of {@code frame}. */
    public CcmPeak estimate(GpuBuffer frame, int offset, CrossCorrelationParams params, float[] mapOut, int mapOffset) {
        CcmPeak first = correlate(frame, offset, params.maxShiftPx(), mapOut, mapOffset);
        double dx = first.dx();
        double dy = first.dy();
        if (params.refinePasses() > 0 && exact) {
            raw = raw == null ? gpu.buffer(fft.complexBytes()) : raw;
            gpu.launch(PROGRAM, "ccm_complex", Gpu.range((long) h * w, LOCAL), new long[] {LOCAL}, frame, offset, h * w, raw);
            fft.forward(raw, tmp);
        }
        for (int pass = 0; pass < params.refinePasses(); pass++) {
            int my = (int) Math.ceil(Math.abs(dy)) + 2;
            int mx = (int) Math.ceil(Math.abs(dx)) + 2;
            if (h - 2 * my < 8 || w - 2 * mx < 8) {
                break;
            }
            GpuBuffer moved = translated(frame, offset, -dx, -dy);
            crossPower(referenceSpectrum(my, mx), windowed(moved, 0, my, mx));
            SubPixelPeak.Located r = locate(2, 2);
            if (Math.abs(r.dx()) > 1 || Math.abs(r.dy()) > 1) {
                break;
            }
            dx += r.dx();
            dy += r.dy();
        }
        return new CcmPeak(dx, dy, first.value());
    }

    /** {@link CcmKernel#correlate}: the plain map, its Pearson normalisation and its maximum. */
    CcmPeak correlate(GpuBuffer frame, int offset, double maxShift, float[] mapOut, int mapOffset) {
        crossPower(referenceSpectrum(0, 0), windowed(frame, offset, 0, 0));
        int cy = h / 2;
        int cx = w / 2;
        int groups = groups((long) h * w);
        gpu.launch(PROGRAM, "ccm_extremes", new long[] {(long) groups * RED}, new long[] {RED}, corr, h, w, fh, fw,
                groups * RED, partial);
        double[] g = new double[4 * groups];
        gpu.download(partial, 0, g, 0, g.length);
        double vMax = 0;
        double vMin = 0;
        int iMax = -1;
        int iMin = -1;
        for (int k = 0; k < groups; k++) {
            int im = (int) g[4 * k + 1];
            if (im >= 0 && (iMax < 0 || g[4 * k] > vMax || (g[4 * k] == vMax && im < iMax))) {
                vMax = g[4 * k];
                iMax = im;
            }
            int in = (int) g[4 * k + 3];
            if (in >= 0 && (iMin < 0 || g[4 * k + 2] < vMin || (g[4 * k + 2] == vMin && in < iMin))) {
                vMin = g[4 * k + 2];
                iMin = in;
            }
        }
        double range = vMax - vMin;
        double pMax = range > 0 ? pearson(frame, offset, iMax / w - cy, iMax % w - cx) : 0;
        double pMin = range > 0 ? pearson(frame, offset, iMin / w - cy, iMin % w - cx) : 0;
        double scale = range > 0 ? (pMax - pMin) / range : 0;
        double base = range > 0 ? pMin - vMin * scale : 0;
        if (mapOut != null) {
            map = map == null ? gpu.buffer(4L * h * w) : map;
            gpu.launch(PROGRAM, "ccm_map", new long[] {w, h}, new long[] {LOCAL, 1}, corr, h, w, fh, fw, base, scale, map, 0);
            gpu.download(map, 0, mapOut, mapOffset, h * w);
        }
        if (range <= 0) {
            return new CcmPeak(0, 0, 0);
        }
        int limY = maxShift > 0 ? (int) Math.min(Math.floor(maxShift), cy) : cy;
        int limX = maxShift > 0 ? (int) Math.min(Math.floor(maxShift), cx) : cx;
        SubPixelPeak.Located peak = locate(limY, limX);
        return new CcmPeak(peak.dx(), peak.dy(), base + scale * peak.value());
    }

    /** {@link SubPixelPeak#locate} on the device's map and spectrum. */
    private SubPixelPeak.Located locate(int limitY, int limitX) {
        int limY = Math.min(limitY, fh / 2);
        int limX = Math.min(limitX, fw / 2);
        int nx = 2 * limX + 1;
        int groups = groups((long) (2 * limY + 1) * nx);
        gpu.launch(PROGRAM, "ccm_limited_max", new long[] {(long) groups * RED}, new long[] {RED}, corr, fh, fw, limY, limX,
                groups * RED, partial);
        double[] g = new double[2 * groups];
        gpu.download(partial, 0, g, 0, g.length);
        double best = 0;
        int at = -1;
        for (int k = 0; k < groups; k++) {
            int i = (int) g[2 * k + 1];
            if (i >= 0 && (at < 0 || g[2 * k] > best || (g[2 * k] == best && i < at))) {
                best = g[2 * k];
                at = i;
            }
        }
        int by = at < 0 ? 0 : at / nx - limY;
        int bx = at < 0 ? 0 : at % nx - limX;
        double[] five = new double[5];
        gpu.launch(PROGRAM, "ccm_gather", new long[] {1}, new long[] {1}, corr, fh, fw, by, bx, partial);
        gpu.download(partial, 0, five, 0, 5);
        return SubPixelPeak.refine(by, bx, new SubPixelPeak.Surface() {
            @Override
            public double at(int sy, int sx) {
                if (sy == by && sx == bx) {
                    return five[0];
                }
                if (sx == bx && Math.abs(sy - by) == 1) {
                    return five[sy < by ? 1 : 2];
                }
                if (sy == by && Math.abs(sx - bx) == 1) {
                    return five[sx < bx ? 3 : 4];
                }
                throw new IllegalStateException("sample (" + sy + ", " + sx + ") is not next to the maximum (" + by + ", " + bx + ")");
            }

            @Override
            public double[] evaluate(double y, double x) {
                return interpolant(y, x);
            }
        });
    }

    /** {@link SubPixelPeak}'s interpolant and derivatives at (y, x); rows summed here in row order. */
    private double[] interpolant(double y, double x) {
        gpu.launch(PROGRAM, "ccm_eval_tables", Gpu.range(Math.max(fh, fw), LOCAL), new long[] {LOCAL}, fh, fw, y, x,
                colTable, rowTable);
        gpu.launch(PROGRAM, "ccm_eval_rows", new long[] {(long) fh * RED}, new long[] {RED}, spectrum, fh, fw, colTable,
                rowTable, partial);
        double[] rows = new double[6 * fh];
        gpu.download(partial, 0, rows, 0, rows.length);
        double[] e = new double[6];
        for (int k = 0; k < fh; k++) {
            for (int q = 0; q < 6; q++) {
                e[q] += rows[6 * k + q];
            }
        }
        double n = (double) fh * fw;
        for (int q = 0; q < 6; q++) {
            e[q] /= n;
        }
        return e;
    }

    /** {@link Pearson#overlap} of the reference and the frame at integer shift (sy, sx). */
    private double pearson(GpuBuffer frame, int offset, int sy, int sx) {
        int oh = h - Math.abs(sy);
        int ow = w - Math.abs(sx);
        if (oh <= 0 || ow <= 0) {
            return 0;
        }
        gpu.launch(PROGRAM, "ccm_overlap_rows", Gpu.range(oh, LOCAL), new long[] {LOCAL}, reference, refOffset, frame, offset,
                h, w, sy, sx, 0, 0.0, 0.0, partial);
        double[] s = new double[2 * oh];
        gpu.download(partial, 0, s, 0, s.length);
        double sa = 0;
        double sb = 0;
        for (int y = 0; y < oh; y++) {
            sa += s[2 * y];
            sb += s[2 * y + 1];
        }
        double n = (double) oh * ow;
        double ma = sa / n;
        double mb = sb / n;
        gpu.launch(PROGRAM, "ccm_overlap_rows", Gpu.range(oh, LOCAL), new long[] {LOCAL}, reference, refOffset, frame, offset,
                h, w, sy, sx, 1, ma, mb, partial);
        double[] t = new double[3 * oh];
        gpu.download(partial, 0, t, 0, t.length);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int y = 0; y < oh; y++) {
            sab += t[3 * y];
            saa += t[3 * y + 1];
            sbb += t[3 * y + 2];
        }
        if (saa == 0 || sbb == 0) {
            return 0;
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** The frame translated by (sx, sy): Fourier phase ramp when the FFT is unpadded, else Lanczos-3 (nearest border). */
    private GpuBuffer translated(GpuBuffer frame, int offset, double sx, double sy) {
        shifted = shifted == null ? gpu.buffer(4L * h * w) : shifted;
        if (exact) {
            rampCol = rampCol == null ? gpu.buffer(16L * w) : rampCol;
            rampRow = rampRow == null ? gpu.buffer(16L * h) : rampRow;
            gpu.upload(rampCol, 0, rampTable(w, sx), 0, 2 * w);
            gpu.upload(rampRow, 0, rampTable(h, sy), 0, 2 * h);
            gpu.launch(PROGRAM, "ccm_ramp", new long[] {w, h}, new long[] {LOCAL, 1}, raw, a, h, w, rampCol, rampRow);
            fft.inverse(a, tmp);
            gpu.launch(PROGRAM, "ccm_real", Gpu.range((long) h * w, LOCAL), new long[] {LOCAL}, a, h * w, shifted);
            return shifted;
        }
        shiftTmp = shiftTmp == null ? gpu.buffer(4L * h * w) : shiftTmp;
        weights = weights == null ? gpu.buffer(8L * 12) : weights;
        double[] wxy = new double[12];
        double[] wx = new double[6];
        int bx = lanczosWeights(-sx, wx);
        double[] wy = new double[6];
        int by = lanczosWeights(-sy, wy);
        System.arraycopy(wx, 0, wxy, 0, 6);
        System.arraycopy(wy, 0, wxy, 6, 6);
        gpu.upload(weights, 0, wxy, 0, 12);
        gpu.launch(PROGRAM, "ccm_shift_rows", new long[] {w, h}, new long[] {LOCAL, 1}, frame, offset, h, w, weights, 0, bx,
                shiftTmp);
        gpu.launch(PROGRAM, "ccm_shift_cols", new long[] {w, h}, new long[] {LOCAL, 1}, shiftTmp, h, w, weights, 6, by,
                shifted);
        return shifted;
    }

    /** {@link org.flowscope.methods.numerics.interpolation.FourierShift#applyRamp}'s per-axis factors (cos, sin) for a shift s. */
    private static double[] rampTable(int n, double s) {
        double[] t = new double[2 * n];
        for (int k = 0; k < n; k++) {
            if (2 * k == n) {
                t[2 * k] = Math.cos(Math.PI * s);
                t[2 * k + 1] = 0;
            } else {
                double phase = -2 * Math.PI * (k <= n / 2 ? k : k - n) * s / n;
                t[2 * k] = Math.cos(phase);
                t[2 * k + 1] = Math.sin(phase);
            }
        }
        return t;
    }

    /**
     * The Lanczos-3 weights {@link CcmKernel}'s shift uses at index-space position p (normalised to sum 1, summed in
     * order); returns the first tap + 2, the base {@code ccm_shift_*} count their six taps from.
     */
    private static int lanczosWeights(double p, double[] out) {
        int first = Kernel.LANCZOS3.firstTap(p);
        double sum = 0;
        for (int t = 0; t < 6; t++) {
            out[t] = Kernel.LANCZOS3.weight(p - (first + t));
            sum += out[t];
        }
        for (int t = 0; t < 6; t++) {
            out[t] /= sum;
        }
        return first + 2;
    }

    private void crossPower(GpuBuffer refConj, GpuBuffer frameSpectrum) {
        int n = fh * fw;
        gpu.launch(PROGRAM, "ccm_cross_power", Gpu.range(n, LOCAL), new long[] {LOCAL}, refConj, frameSpectrum, spectrum,
                corr, n);
        fft.inverse(corr, tmp);
    }

    private GpuBuffer referenceSpectrum(int my, int mx) {
        GpuBuffer s = refSpectra.get(key(my, mx));
        if (s != null) {
            return s;
        }
        GpuBuffer out = spareSpectra.isEmpty() ? gpu.buffer(fft.complexBytes()) : spareSpectra.pop();
        windowedInto(reference, refOffset, my, mx, out);
        double c = smoothing > 0 ? 2 * Math.PI * Math.PI * smoothing * smoothing : 0;
        gpu.launch(PROGRAM, "ccm_reference", new long[] {fw, fh}, new long[] {LOCAL, 1}, out, fh, fw, c);
        refSpectra.put(key(my, mx), out);
        return out;
    }

    private GpuBuffer windowed(GpuBuffer image, int offset, int my, int mx) {
        windowedInto(image, offset, my, mx, a);
        return a;
    }

    /** {@link CcmKernel}'s windowed spectrum: DFT of (I - m) W, m the window-weighted mean. */
    private void windowedInto(GpuBuffer image, int offset, int my, int mx, GpuBuffer out) {
        Window win = windows.computeIfAbsent(key(my, mx), k -> window(my, mx));
        gpu.launch(PROGRAM, "ccm_weighted_rows", Gpu.range(h, LOCAL), new long[] {LOCAL}, image, offset, h, w, win.dty(),
                win.dtx(), partial);
        double[] rows = new double[h];
        gpu.download(partial, 0, rows, 0, h);
        double sum = 0;
        for (double r : rows) {
            sum += r;
        }
        double mean = win.wsum() > 0 ? sum / win.wsum() : 0;
        gpu.launch(PROGRAM, "ccm_window", new long[] {fw, fh}, new long[] {LOCAL, 1}, image, offset, h, w, fh, fw, win.dty(),
                win.dtx(), mean, out);
        fft.forward(out, tmp);
    }

    private Window window(int my, int mx) {
        double[] ty = CcmKernel.taper(h, my);
        double[] tx = CcmKernel.taper(w, mx);
        double wsum = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                wsum += ty[y] * tx[x];
            }
        }
        return new Window(ty, tx, gpu.upload(ty), gpu.upload(tx), wsum);
    }

    private static int groups(long items) {
        return (int) Math.max(1, Math.min(MAX_GROUPS, (items + RED - 1) / RED));
    }

    private static long key(int my, int mx) {
        return ((long) my << 32) | mx;
    }
}
