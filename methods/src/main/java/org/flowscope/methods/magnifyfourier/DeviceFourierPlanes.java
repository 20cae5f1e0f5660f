package org.flowscope.methods.magnifyfourier;

import java.util.HashMap;
import java.util.Map;
import org.flowscope.methods.gpu.Gpu;
import org.flowscope.methods.gpu.GpuBuffer;
import org.flowscope.methods.gpu.GpuFft;
import org.flowscope.methods.gpu.GpuProgram;
import org.flowscope.methods.numerics.interpolation.FourierPlanes;

/**
 * {@link FourierPlanes} on a GPU session: the padded tile is uploaded, transformed by the device FFT (double
 * precision), placed on the zero-padded grid by {@code magnify_fourier.cl}, transformed back, and only the float32 real
 * plane comes back; padding, rescale, crop and tiling stay on the host ({@code FourierInterpolation}), so the device
 * computes exactly the planes of {@link FourierPlanes#CPU} up to the FFTs' rounding (about 1e-15 relative).
 * NanoPyx's {@code irfft2} is the real part of a complex inverse of the half spectrum with its inner columns doubled.
 * One instance per session; FFT plans and buffers are kept per size and reused frame after frame (a session gives
 * its buffers back only when it ends).
 */
final class DeviceFourierPlanes implements FourierPlanes {
    static final GpuProgram PROGRAM = new GpuProgram(DeviceFourierPlanes.class, "magnify_fourier");
    private static final int LOCAL = 64;
    private final Gpu gpu;
    private final Map<Integer, GpuFft> plans = new HashMap<>();
    private final Map<String, GpuBuffer> buffers = new HashMap<>();

    DeviceFourierPlanes(Gpu gpu) {
        this.gpu = gpu;
    }

    @Override
    public float[] nanopyx(double[] padded, int p, int m) {
        int big = p * m;
        GpuBuffer spec = spectrum(padded, p);
        GpuBuffer grid = zeroGrid(big);
        launch(new FourierKernels.PlaceNanopyx<>(spec, p, grid, big), new long[] {p / 2 + 1, p}, new long[] {LOCAL, 1});
        return realPlane(grid, big, 1.0);
    }

    @Override
    public float[] centred(double[] padded, int p, int m, Placement rows, Placement cols, double gain) {
        int big = p * m;
        GpuBuffer spec = spectrum(padded, p);
        GpuBuffer grid = zeroGrid(big);
        launch(new FourierKernels.PlaceCentred<>(spec, p, grid, big, ints("countY", rows.counts()),
                ints("targetY", rows.targets()), doubles("factorY", rows.factors()), ints("countX", cols.counts()),
                ints("targetX", cols.targets()), doubles("factorX", cols.factors())), new long[] {p, p}, new long[] {LOCAL, 1});
        return realPlane(grid, big, gain);
    }

    /** The forward transform of the padded tile, on the device. */
    private GpuBuffer spectrum(double[] padded, int p) {
        double[] complex = new double[2 * p * p];
        for (int i = 0; i < p * p; i++) {
            complex[2 * i] = padded[i];
        }
        GpuFft fft = plan(p);
        GpuBuffer a = buffer("spectrum", fft.complexBytes());
        gpu.upload(a, 0, complex, 0, complex.length);
        fft.forward(a, buffer("spectrumTmp", fft.complexBytes()));
        return a;
    }

    private GpuBuffer zeroGrid(int big) {
        GpuBuffer grid = buffer("grid", 16L * big * big);
        launch(new FourierKernels.Zero<>(grid, 2 * big * big), Gpu.range(2L * big * big, LOCAL), new long[] {LOCAL});
        return grid;
    }

    /** Inverse transform of the grid, then its real part times {@code gain} as float32, downloaded. */
    private float[] realPlane(GpuBuffer grid, int big, double gain) {
        GpuFft fft = plan(big);
        fft.inverse(grid, buffer("gridTmp", fft.complexBytes()));
        GpuBuffer out = buffer("plane", 4L * big * big);
        launch(new FourierKernels.Real<>(grid, big * big, gain, out), Gpu.range((long) big * big, LOCAL), new long[] {LOCAL});
        float[] plane = new float[big * big];
        gpu.download(out, 0, plane, 0, plane.length);
        return plane;
    }

    /** The session's buffer for {@code purpose} of {@code bytes}, taken once per size. */
    private GpuBuffer buffer(String purpose, long bytes) {
        return buffers.computeIfAbsent(purpose + ":" + bytes, k -> gpu.buffer(bytes));
    }

    private GpuBuffer ints(String purpose, int[] values) {
        GpuBuffer b = buffer(purpose, 4L * values.length);
        gpu.upload(b, 0, values, 0, values.length);
        return b;
    }

    private GpuBuffer doubles(String purpose, double[] values) {
        GpuBuffer b = buffer(purpose, 8L * values.length);
        gpu.upload(b, 0, values, 0, values.length);
        return b;
    }

    private GpuFft plan(int side) {
        return plans.computeIfAbsent(side, s -> new GpuFft(gpu, s, s));
    }

    private void launch(Record args, long[] global, long[] local) {
        gpu.launch(PROGRAM, FourierKernels.name(args), global, local, FourierKernels.args(args));
    }
}
