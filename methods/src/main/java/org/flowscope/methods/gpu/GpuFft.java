package org.flowscope.methods.gpu;

import java.util.ArrayList;
import java.util.List;

/**
 * A 2-D complex DFT of an {@code h x w} image on a GPU, in double precision: 1-D Stockham transforms along the rows
 * then along the columns, one kernel launch per radix pass (radices 4, 2, 3, 5, 7); a side with a larger prime factor
 * goes through Bluestein's chirp convolution with power-of-two transforms. Data are interleaved complex doubles, row-major, element {@code (y, x)} at {@code y w + x}; the
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
    private final Axis rows;
    private final Axis cols;

    /**
     * One axis: its length, and either its radix passes (length without a prime factor above 7) or Bluestein's
     * convolution of power-of-two length m &gt;= 2n - 1 (chirp and transformed kernel per direction, made on first use).
     */
    private final class Axis {
        final int n;
        final int m;
        final int[] radices;
        final GpuBuffer twiddles;
        final GpuBuffer[] chirp = new GpuBuffer[2];
        final GpuBuffer[] kernel = new GpuBuffer[2];
        GpuBuffer work;
        GpuBuffer work2;

        Axis(int n) {
            this.n = n;
            this.m = supports(n) ? n : Integer.highestOneBit(2 * n - 1) << 1;
            this.radices = radices(m);
            this.twiddles = twiddles(m);
        }

        boolean direct() {
            return m == n;
        }

        /** The chirp and the transformed convolution kernel for direction {@code sign}. */
        void prepare(int sign) {
            int d = sign < 0 ? 0 : 1;
            if (chirp[d] != null) {
                return;
            }
            chirp[d] = gpu.buffer(16L * n);
            gpu.launch(PROGRAM, "bluestein_chirp", Gpu.range(n, LOCAL), new long[] {LOCAL}, chirp[d], n, sign);
            GpuBuffer b = gpu.buffer(16L * m);
            GpuBuffer scratch = gpu.buffer(16L * m);
            gpu.launch(PROGRAM, "bluestein_kernel", Gpu.range(m, LOCAL), new long[] {LOCAL}, chirp[d], n, m, b);
            GpuBuffer[] cur = {b, scratch};
            passes(cur, this, 1, m, 1, false, -1, 1);
            kernel[d] = cur[0];
        }
    }

    public GpuFft(Gpu gpu, int h, int w) {
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException("GPU FFT sides must be >= 1, got " + h + "x" + w);
        }
        this.gpu = gpu;
        this.h = h;
        this.w = w;
        this.rows = new Axis(w);
        this.cols = h == w ? rows : new Axis(h);
    }

    /** Whether {@code n >= 1} factors into 2, 3, 5 and 7 only (transformed by radix passes; others by Bluestein). */
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
        axis(cur, rows, 1, w, h, false, sign, sign > 0 ? 1.0 / w : 1);
        axis(cur, cols, w, 1, w, true, sign, sign > 0 ? 1.0 / h : 1);
        if (cur[0] != a) {
            gpu.copy(cur[0], a, complexBytes());
        }
    }

    private void axis(GpuBuffer[] cur, Axis ax, int elemStride, int batchStride, int count, boolean batchFast, int sign,
            double scale) {
        if (ax.direct()) {
            passes(cur, ax, elemStride, batchStride, count, batchFast, sign, scale);
            return;
        }
        ax.prepare(sign);
        int d = sign < 0 ? 0 : 1;
        long bytes = 16L * ax.m * count;
        if (ax.work == null || ax.work.bytes() < bytes) {
            ax.work = gpu.buffer(bytes);
            ax.work2 = gpu.buffer(bytes);
        }
        long[] local = {LOCAL, 1};
        gpu.launch(PROGRAM, "bluestein_pre", new long[] {ax.m, count}, local, cur[0], ax.work, ax.chirp[d], ax.n, ax.m,
                elemStride, batchStride, count);
        GpuBuffer[] wk = {ax.work, ax.work2};
        passes(wk, ax, 1, ax.m, count, false, -1, 1);
        gpu.launch(PROGRAM, "bluestein_mul", new long[] {ax.m, count}, local, wk[0], ax.kernel[d], ax.m, count);
        passes(wk, ax, 1, ax.m, count, false, 1, 1.0 / ax.m);
        gpu.launch(PROGRAM, "bluestein_post", new long[] {ax.n, count}, local, wk[0], cur[0], ax.chirp[d], ax.n, ax.m,
                elemStride, batchStride, count, scale);
    }

    /** The radix passes of length {@code ax.m} along one axis; {@code cur[0]} holds the data before and after. */
    private void passes(GpuBuffer[] cur, Axis ax, int elemStride, int batchStride, int count, boolean batchFast, int sign,
            double scale) {
        int n = ax.m;
        int ns = 1;
        for (int p = 0; p < ax.radices.length; p++) {
            int r = ax.radices[p];
            int nj = n / r;
            double s = p == ax.radices.length - 1 ? scale : 1;
            long[] global = batchFast ? new long[] {count, nj} : new long[] {nj, count};
            gpu.launch(PROGRAM, "fft_pass", global, new long[] {LOCAL, 1}, cur[0], cur[1], ax.twiddles, n, r, ns,
                    elemStride, batchStride, count, batchFast ? 1 : 0, sign, s);
            GpuBuffer t = cur[0];
            cur[0] = cur[1];
            cur[1] = t;
            ns *= r;
        }
    }
}
