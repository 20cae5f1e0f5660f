package org.flowscope.methods.gpu;

import java.util.ArrayList;
import java.util.List;

/**
 * A 2-D complex DFT of an {@code h x w} image on a GPU, in double precision: 1-D Stockham transforms along the rows
 * then along the columns, one kernel launch per radix pass (radices 4, 2, 3, 5, 7; so each side must have no prime
 * factor above 7). Data are interleaved complex doubles, row-major, element {@code (y, x)} at {@code y w + x}; the
 * forward transform is {@code sum a(y,x) exp(-2 pi i (ky y / h + kx x / w))}, the inverse includes {@code 1/(h w)}
 * (JTransforms' and NumPy's conventions). Twiddles {@code exp(-2 pi i m / n)} are computed on the device in double
 * precision ({@code cospi/sinpi}) once per plan. Errors are those of a double FFT (about 1e-15 relative to the
 * largest value).
 *
 * <p>A plan belongs to one {@link Gpu} session; its twiddle buffers come from the device pool, and the kernels from the
 * device's kernel cache (built once per device).
 */
public final class GpuFft {
    static final GpuProgram PROGRAM = new GpuProgram(GpuFft.class, "fft");
    private static final int LOCAL = 64;

    private final Gpu gpu;
    private final int h;
    private final int w;
    private final int[] rowRadices;
    private final int[] colRadices;
    private final GpuBuffer rowTwiddles;
    private final GpuBuffer colTwiddles;

    public GpuFft(Gpu gpu, int h, int w) {
        if (!supports(h) || !supports(w)) {
            throw new IllegalArgumentException("GPU FFT sides must have no prime factor above 7, got " + h + "x" + w);
        }
        this.gpu = gpu;
        this.h = h;
        this.w = w;
        this.rowRadices = radices(w);
        this.colRadices = radices(h);
        this.rowTwiddles = twiddles(w);
        this.colTwiddles = h == w ? rowTwiddles : twiddles(h);
    }

    /** Whether {@code n >= 1} factors into 2, 3, 5 and 7 only. */
    public static boolean supports(int n) {
        if (n < 1) {
            return false;
        }
        int r = n;
        for (int p : new int[] {2, 3, 5, 7}) {
            while (r % p == 0) {
                r /= p;
            }
        }
        return r == 1;
    }

    static int[] radices(int n) {
        List<Integer> out = new ArrayList<>();
        int r = n;
        while (r % 4 == 0) {
            out.add(4);
            r /= 4;
        }
        for (int p : new int[] {2, 3, 5, 7}) {
            while (r % p == 0) {
                out.add(p);
                r /= p;
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private GpuBuffer twiddles(int n) {
        GpuBuffer tw = gpu.buffer(16L * n);
        gpu.launch(PROGRAM, "fft_twiddles", Gpu.range(n, LOCAL), new long[] {LOCAL}, tw, n);
        return tw;
    }

    public int height() {
        return h;
    }

    public int width() {
        return w;
    }

    /** Bytes of one complex image of the plan's size. */
    public long complexBytes() {
        return 16L * h * w;
    }

    /** Forward transform of {@code a} in place; {@code tmp} (same size) is scratch. */
    public void forward(GpuBuffer a, GpuBuffer tmp) {
        transform(a, tmp, -1);
    }

    /** Inverse transform (with 1/(h w)) of {@code a} in place; {@code tmp} (same size) is scratch. */
    public void inverse(GpuBuffer a, GpuBuffer tmp) {
        transform(a, tmp, 1);
    }

    private void transform(GpuBuffer a, GpuBuffer tmp, int sign) {
        if (a.bytes() < complexBytes() || tmp.bytes() < complexBytes()) {
            throw new IllegalArgumentException("FFT buffers must hold " + complexBytes() + " bytes, got " + a.bytes()
                    + " and " + tmp.bytes());
        }
        GpuBuffer[] cur = {a, tmp};
        passes(cur, w, rowRadices, rowTwiddles, 1, w, h, false, sign, sign > 0 ? 1.0 / w : 1);
        passes(cur, h, colRadices, colTwiddles, w, 1, w, true, sign, sign > 0 ? 1.0 / h : 1);
        if (cur[0] != a) {
            gpu.copy(cur[0], a, complexBytes());
        }
    }

    /** Runs the passes of one axis; {@code cur[0]} holds the data before and after. */
    private void passes(GpuBuffer[] cur, int n, int[] radices, GpuBuffer tw, int elemStride, int batchStride, int count,
            boolean batchFast, int sign, double scale) {
        int ns = 1;
        for (int p = 0; p < radices.length; p++) {
            int r = radices[p];
            int nj = n / r;
            double s = p == radices.length - 1 ? scale : 1;
            long[] global = batchFast ? new long[] {count, nj} : new long[] {nj, count};
            gpu.launch(PROGRAM, "fft_pass", global, new long[] {LOCAL, 1}, cur[0], cur[1], tw, n, r, ns, elemStride,
                    batchStride, count, batchFast ? 1 : 0, sign, s);
            GpuBuffer t = cur[0];
            cur[0] = cur[1];
            cur[1] = t;
            ns *= r;
        }
        if (radices.length == 0 && scale != 1) {
            throw new IllegalStateException("a length-1 axis has no pass to apply its scale to");
        }
    }
}
