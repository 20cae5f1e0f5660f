package org.flowscope.methods.decorr;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.DeviceMemoryException;
import org.flowscope.methods.numerics.parallel.CpuPools;
import org.flowscope.methods.numerics.fft.Fourier;

/**
 * {@link DecorrSpectrum} on the JVM heap: the half spectrum of the padded image in double precision
 * ({@link Fourier#halfSpectrum}), turned into magnitudes in place.
 *
 * <p>Memory: one array of {@code n (n + 2)} doubles (8 bytes per padded pixel, 134 MB for the 4096 square of a
 * 2560&sup2; image) plus one row per worker; the padded image is produced row by row and never stored. The array is
 * checked against the heap before it is allocated ({@link DeviceMemoryException} naming both sizes), so a too large
 * image fails at once instead of exhausting the heap of a live run.
 *
 * <p>With a pool, rows, columns and the filters of a series are spread over its threads; every value is computed by
 * the same code in the same order either way, so the results are bit-identical.
 */
final class CpuDecorrSpectrum implements DecorrSpectrum {
    private final int n;
    private final int cols;
    private final ForkJoinPool pool;
    /** After construction: magnitudes, row-major n x cols. */
    private final double[] mag;

    private CpuDecorrSpectrum(int n, double[] mag, ForkJoinPool pool) {
        this.n = n;
        this.cols = n / 2 + 1;
        this.mag = mag;
        this.pool = pool;
    }

    /** Transforms {@code image}; {@code pool} null computes on the calling thread. */
    static CpuDecorrSpectrum of(ImageStack image, ForkJoinPool pool) {
        PaddedImage padded = new PaddedImage(image);
        int n = padded.n();
        int cols = n / 2 + 1;
        long bytes = 8L * n * 2 * cols;
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (2L * n * cols > Integer.MAX_VALUE - 8 || bytes > rt.maxMemory() / 2) {
            throw new DeviceMemoryException("decorrelation spectrum of a " + n + "x" + n + " padded image on the JVM heap",
                    bytes, Math.min(rt.maxMemory() / 2, free));
        }
        double[] s;
        try {
            s = new double[2 * n * cols];
        } catch (OutOfMemoryError e) {
            throw new DeviceMemoryException("decorrelation spectrum of a " + n + "x" + n + " padded image on the JVM heap",
                    bytes, free);
        }
        Fourier.halfSpectrum(n, n, padded::row, pool, s);
        // magnitudes in place (index i <= 2i: ascending order never overwrites an unread value)
        for (int i = 0; i < n * cols; i++) {
            float re = (float) s[2 * i];
            float im = (float) s[2 * i + 1];
            s[i] = Math.sqrt((double) re * re + (double) im * im);
        }
        s[0] = 0;
        return new CpuDecorrSpectrum(n, s, pool);
    }

    /** The stored magnitude at frequency (ky, kx), kx in [0, n/2]. */
    double magnitude(int ky, int kx) {
        return mag[ky * cols + kx];
    }

    @Override
    public int n() {
        return n;
    }

    /**
     * Rows are cut into {@value #BLOCKS} fixed blocks whatever the pool, each block's partial sums are computed with
     * the filters in the inner loop (each magnitude is read once per series), and the blocks are added in order: the
     * sequential and the threaded path produce the same bits.
     */
    @Override
    public RingSums[] sums(DecorrRings rings, double[][] filters) {
        int blocks = Math.min(BLOCKS, n);
        Partial[] partials = new Partial[blocks];
        int[] runStart = runStarts(rings, blocks);
        forChunks(blocks, pool, (from, to) -> {
            for (int b = from; b < to; b++) {
                partials[b] = block(rings, filters, b, blocks, runStart);
            }
        });
        int nr = rings.nr();
        RingSums[] out = new RingSums[filters.length];
        for (int f = 0; f < filters.length; f++) {
            double[] amp = new double[nr];
            double[] cnt = new double[nr];
            double energy = 0;
            for (Partial p : partials) {
                for (int k = 0; k < nr; k++) {
                    amp[k] += p.amp[f][k];
                    cnt[k] += p.cnt[f][k];
                }
                energy += p.energy[f];
            }
            out[f] = new RingSums(amp, cnt, energy);
        }
        return out;
    }

    private static final int BLOCKS = 64;

    private record Partial(double[][] amp, double[][] cnt, double[] energy) {
    }

    /** Index of the first run of each row block (runs are ordered by row). */
    private int[] runStarts(DecorrRings rings, int blocks) {
        int[] start = new int[blocks + 1];
        int[] runs = rings.runs();
        int r = 0;
        for (int b = 0; b <= blocks; b++) {
            int firstRow = (int) ((long) n * b / blocks);
            while (r < rings.runCount() && runs[4 * r] < firstRow) {
                r++;
            }
            start[b] = b == blocks ? rings.runCount() : r;
        }
        return start;
    }

    private Partial block(DecorrRings rings, double[][] filters, int b, int blocks, int[] runStart) {
        int nf = filters.length;
        int nr = rings.nr();
        double[][] amp = new double[nf][nr];
        double[][] cnt = new double[nf][nr];
        double[] energy = new double[nf];
        int[] runs = rings.runs();
        for (int r = runStart[b]; r < runStart[b + 1]; r++) {
            int row = runs[4 * r];
            int bin = runs[4 * r + 1];
            int x0 = runs[4 * r + 2];
            int x1 = runs[4 * r + 3];
            int base = row * cols;
            for (int f = 0; f < nf; f++) {
                double[] a = filters[f];
                double ay = a[row];
                double s = 0;
                int c = 0;
                for (int x = x0; x < x1; x++) {
                    double v = mag[base + x] * (ay + a[x] - ay * a[x]);
                    if (v > 0) {
                        s += v;
                        c++;
                    }
                }
                amp[f][bin] += s;
                cnt[f][bin] += c;
            }
        }
        int rowFrom = (int) ((long) n * b / blocks);
        int rowTo = (int) ((long) n * (b + 1) / blocks);
        for (int row = rowFrom; row < rowTo; row++) {
            int last = rings.discEnd(row);
            if (last < 0) {
                continue;
            }
            int base = row * cols;
            for (int f = 0; f < nf; f++) {
                double[] a = filters[f];
                double ay = a[row];
                double v0 = mag[base] * (ay + a[0] - ay * a[0]);
                double twice = 0;
                for (int x = 1; x <= last; x++) {
                    double v = mag[base + x] * (ay + a[x] - ay * a[x]);
                    twice += v * v;
                }
                energy[f] += v0 * v0 + 2 * twice;
            }
        }
        return new Partial(amp, cnt, energy);
    }

    @Override
    public void close() {
        // heap memory: nothing to release
    }

    interface Chunk {
        void run(int from, int to);
    }

    private static void forChunks(int count, ForkJoinPool pool, Chunk body) {
        if (pool == null) {
            body.run(0, count);
            return;
        }
        int chunks = Math.max(1, Math.min(count, pool.getParallelism() * 4));
        List<Future<?>> futures = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) count * c / chunks);
            int to = (int) ((long) count * (c + 1) / chunks);
            futures.add(pool.submit(() -> body.run(from, to)));
        }
        CpuPools.joinAll(futures);
    }
}
