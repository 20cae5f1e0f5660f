package org.flowscope.methods.decorr;

import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.gpu.Gpu;
import org.flowscope.methods.gpu.GpuBuffer;
import org.flowscope.methods.gpu.GpuFft;
import org.flowscope.methods.gpu.GpuProgram;

/**
 * {@link DecorrSpectrum} in device memory ({@code decorr.cl}): the image is uploaded once, apodised and padded on the
 * device, transformed by {@link GpuFft} in double precision and reduced to magnitudes in the half-spectrum layout;
 * each series of filters is then one launch over the runs of {@link DecorrRings}, one over the disc rows and one that
 * adds the partial sums per curve point. Only the filter tables and the run tables go up, only {@code (2 n_r + 1)}
 * numbers per filter come back. Device memory: two complex {@code n x n} buffers for the transform (32 bytes per padded
 * pixel, released to the pool after the magnitudes are taken) plus the magnitudes (8 bytes per half-spectrum sample).
 */
final class GpuDecorrSpectrum implements DecorrSpectrum {
    static final GpuProgram PROGRAM = new GpuProgram(GpuDecorrSpectrum.class, "decorr");
    private static final int LOCAL = 64;

    private final Gpu gpu;
    private final int n;
    private final int cols;
    private final GpuBuffer mag;

    GpuDecorrSpectrum(Gpu gpu, ImageStack image) {
        this.gpu = gpu;
        int h = image.height();
        int w = image.width();
        this.n = PaddedImage.side(h, w);
        this.cols = n / 2 + 1;
        GpuBuffer img = gpu.upload(image.data(), 0, h * w);
        GpuBuffer sums = gpu.buffer(8L * h);
        GpuBuffer counts = gpu.buffer(4L * h);
        gpu.launch(PROGRAM, "decorr_edge_sums", Gpu.range(h, LOCAL), new long[] {LOCAL}, img, h, w, sums, counts);
        double[] s = new double[h];
        int[] c = new int[h];
        gpu.download(sums, 0, s, 0, h);
        gpu.download(counts, 0, c, 0, h);
        double sum = 0;
        long count = 0;
        for (int y = 0; y < h; y++) {
            sum += s[y];
            count += c[y];
        }
        float edgeMean = (float) (count == 0 ? 0 : sum / count);
        GpuFft fft = new GpuFft(gpu, n, n);
        GpuBuffer a = gpu.buffer(fft.complexBytes());
        GpuBuffer tmp = gpu.buffer(fft.complexBytes());
        gpu.launch(PROGRAM, "decorr_pad", new long[] {n, n}, new long[] {LOCAL, 1}, img, h, w, n, edgeMean, a);
        fft.forward(a, tmp);
        this.mag = gpu.buffer(8L * n * cols);
        gpu.launch(PROGRAM, "decorr_magnitudes", new long[] {cols, n}, new long[] {LOCAL, 1}, a, n, mag);
    }

    @Override
    public int n() {
        return n;
    }

    @Override
    public RingSums[] sums(DecorrRings rings, double[][] filters) {
        int nf = filters.length;
        int nr = rings.nr();
        int runCount = rings.runCount();
        double[] table = new double[nf * n];
        for (int f = 0; f < nf; f++) {
            System.arraycopy(filters[f], 0, table, f * n, n);
        }
        GpuBuffer filterBuf = gpu.upload(table);
        GpuBuffer runs = gpu.upload(java.util.Arrays.copyOf(rings.runs(), 4 * Math.max(1, runCount)));
        GpuBuffer discEnd = gpu.upload(rings.discEnds());
        int[][] index = byBin(rings);
        GpuBuffer byBin = gpu.upload(index[0]);
        GpuBuffer binStart = gpu.upload(index[1]);
        GpuBuffer amp = gpu.buffer(8L * Math.max(1, runCount) * nf);
        GpuBuffer cnt = gpu.buffer(8L * Math.max(1, runCount) * nf);
        GpuBuffer energy = gpu.buffer(8L * n * nf);
        GpuBuffer out = gpu.buffer(8L * (2L * nr + 1) * nf);
        if (runCount > 0) {
            gpu.launch(PROGRAM, "decorr_runs", Gpu.range(runCount, LOCAL), new long[] {LOCAL}, mag, cols, runs, runCount,
                    filterBuf, n, nf, amp, cnt);
        }
        gpu.launch(PROGRAM, "decorr_disc", Gpu.range(n, LOCAL), new long[] {LOCAL}, mag, cols, discEnd, n, filterBuf, nf,
                energy);
        gpu.launch(PROGRAM, "decorr_reduce", new long[] {nf, nr + 1}, new long[] {1, 1}, amp, cnt, byBin, binStart, nr,
                nf, energy, n, out);
        double[] o = new double[(2 * nr + 1) * nf];
        gpu.download(out, 0, o, 0, o.length);
        RingSums[] result = new RingSums[nf];
        for (int f = 0; f < nf; f++) {
            double[] a = new double[nr];
            double[] c = new double[nr];
            System.arraycopy(o, f * nr, a, 0, nr);
            System.arraycopy(o, nr * nf + f * nr, c, 0, nr);
            result[f] = new RingSums(a, c, o[2 * nr * nf + f]);
        }
        return result;
    }

    /** Run indices grouped by curve point (in run order within a point), and where each point's group starts. */
    static int[][] byBin(DecorrRings rings) {
        int nr = rings.nr();
        int[] runs = rings.runs();
        int[] start = new int[nr + 1];
        for (int r = 0; r < rings.runCount(); r++) {
            start[runs[4 * r + 1] + 1]++;
        }
        for (int k = 0; k < nr; k++) {
            start[k + 1] += start[k];
        }
        int[] fill = java.util.Arrays.copyOf(start, nr);
        int[] order = new int[Math.max(1, rings.runCount())];
        for (int r = 0; r < rings.runCount(); r++) {
            order[fill[runs[4 * r + 1]]++] = r;
        }
        return new int[][] {order, start};
    }

    @Override
    public void close() {
        // device buffers go back to the pool when the Gpu session ends
    }
}
