package org.flowscope.methods.frc;

import org.flowscope.methods.gpu.Gpu;
import org.flowscope.methods.gpu.GpuBuffer;
import org.flowscope.methods.gpu.GpuFft;
import org.flowscope.methods.gpu.GpuProgram;

/**
 * The device part of {@link FrcOpenCl} and {@link FrcCuda} ({@code frc.cl}): both crops windowed and transformed
 * ({@link GpuFft}, double precision), the three float32 planes of the shifted spectra, and the ring sums, one
 * work-group per ring; only {@code 3 (N/2 - 1)} sums come back, smoothing and crossing are {@link FrcCpu}'s.
 */
final class FrcGpu {
    static final GpuProgram PROGRAM = new GpuProgram(FrcGpu.class, "frc");
    private static final int LOCAL = 64;
    private static final int RING_LOCAL = 64;

    private FrcGpu() {
    }

    static FrcResult compute(Gpu gpu, FrcParams params, FrcInput input) {
        int h = input.first().height();
        int w = input.first().width();
        int n = FrcCpu.side(h, w);
        GpuFft fft = new GpuFft(gpu, n, n);
        GpuBuffer win = gpu.upload(FrcCpu.tukey(n, 0.25));
        GpuBuffer fa = transformed(gpu, fft, input.first().data(), h, w, n, win);
        GpuBuffer fb = transformed(gpu, fft, input.second().data(), h, w, n, win);
        long plane = 4L * n * n;
        GpuBuffer p0 = gpu.buffer(plane);
        GpuBuffer p1 = gpu.buffer(plane);
        GpuBuffer p2 = gpu.buffer(plane);
        gpu.launch(PROGRAM, "frc_planes", new long[] {n, n}, new long[] {LOCAL, 1}, fa, fb, n, p0, p1, p2);
        int maxR = n / 2 - 1;
        GpuBuffer sums = gpu.buffer(24L * Math.max(1, maxR));
        if (maxR > 1) {
            gpu.launch(PROGRAM, "frc_rings", new long[] {(long) (maxR - 1) * RING_LOCAL}, new long[] {RING_LOCAL}, p0, p1,
                    p2, n, maxR, (float) (2 * Math.PI), sums);
        }
        double[] s = new double[3 * maxR];
        gpu.download(sums, 0, s, 0, s.length);
        double[] raw = new double[maxR];
        raw[0] = 1;
        for (int r = 1; r < maxR; r++) {
            raw[r] = FrcCpu.ratio(s[3 * r], s[3 * r + 1], s[3 * r + 2]);
        }
        return FrcCpu.result(params, n, raw);
    }

    private static GpuBuffer transformed(Gpu gpu, GpuFft fft, float[] img, int h, int w, int n, GpuBuffer win) {
        GpuBuffer src = gpu.upload(img, 0, h * w);
        GpuBuffer a = gpu.buffer(fft.complexBytes());
        GpuBuffer tmp = gpu.buffer(fft.complexBytes());
        gpu.launch(PROGRAM, "frc_window", new long[] {n, n}, new long[] {LOCAL, 1}, src, h, w, n, win, a);
        fft.forward(a, tmp);
        return a;
    }
}
