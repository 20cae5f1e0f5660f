// Decorrelation analysis on the device (see GpuDecorrSpectrum.java): edge mean, apodised padded image, magnitudes of
// its transform (GpuFft) in the half-spectrum layout of DecorrRings, and the ring sums of the high-pass filtered
// magnitudes for a series of filters. Double precision; float32 where the reference rounds to float32.
#ifndef __CUDACC__
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#pragma OPENCL FP_CONTRACT OFF
#define KERNEL __kernel
#define GLOBAL __global
#define LOCAL __local
#define DEVICE_FN inline
#define GID(d) ((int) get_global_id(d))
#define LID(d) ((int) get_local_id(d))
#define GROUP(d) ((int) get_group_id(d))
#define LSIZE(d) ((int) get_local_size(d))
#define BARRIER() barrier(CLK_LOCAL_MEM_FENCE)
#define D2(a, b) ((double2) ((a), (b)))
#define FMUL(a, b) ((a) * (b))
#define FADD(a, b) ((a) + (b))
#define FSUB(a, b) ((a) - (b))
#define DMUL(a, b) ((a) * (b))
#define DADD(a, b) ((a) + (b))
#define DSUB(a, b) ((a) - (b))
#endif

#define APODISATION_PX 20

DEVICE_FN int iabs(int v) {
    return v < 0 ? -v : v;
}
#define PI_D 3.141592653589793

// partial sums of the pixels outside the inscribed circle (radius w/2 - 20), one work-item per image row
KERNEL void decorr_edge_sums(GLOBAL const float* img, int h, int w, GLOBAL double* sums, GLOBAL int* counts) {
    int y = GID(0);
    if (y >= h) {
        return;
    }
    long cy = h / 2;
    long cx = w / 2;
    long r = cx - APODISATION_PX;
    long dy = y - cy;
    double s = 0;
    int c = 0;
    for (int x = 0; x < w; x++) {
        long dx = x - cx;
        if (dy * dy + dx * dx > r * r) {
            s += img[(long) y * w + x];
            c++;
        }
    }
    sums[y] = s;
    counts[y] = c;
}

// the apodised image padded to n x n (top-aligned, centred horizontally), as complex numbers with zero imaginary part
KERNEL void decorr_pad(GLOBAL const float* img, int h, int w, int n, float edgeMean, GLOBAL double2* out) {
    int x = GID(0);
    int y = GID(1);
    if (x >= n || y >= n) {
        return;
    }
    int ox = (n - w) / 2;
    float v = edgeMean;
    int ix = x - ox;
    if (y < h && ix >= 0 && ix < w) {
        v = img[(long) y * w + ix];
        int cy = h / 2;
        int cx = w / 2;
        int ey = iabs(iabs(y - cy) - cy);
        int ex = iabs(iabs(ix - cx) - cx);
        if (ex <= APODISATION_PX || ey <= APODISATION_PX) {
            int delta = min(ex, ey);
            double angle = DSUB(DMUL((double) delta, PI_D) / APODISATION_PX, PI_D);
            float c = (float) ((cos(angle) + 1) / 2);
            v = FADD(FMUL(c, FSUB(v, edgeMean)), edgeMean);
        }
    }
    out[(long) y * n + x] = D2((double) v, 0.0);
}

// magnitudes of the spectrum's float32-rounded parts, rows 0..n-1, columns 0..n/2; the zero frequency is 0
KERNEL void decorr_magnitudes(GLOBAL const double2* spec, int n, GLOBAL double* mag) {
    int kx = GID(0);
    int ky = GID(1);
    int cols = n / 2 + 1;
    if (kx >= cols || ky >= n) {
        return;
    }
    double2 s = spec[(long) ky * n + kx];
    double re = (double) (float) s.x;
    double im = (double) (float) s.y;
    mag[(long) ky * cols + kx] = ky == 0 && kx == 0 ? 0.0 : sqrt(DADD(DMUL(re, re), DMUL(im, im)));
}

// one work-item per run (row, curve point, first column, end column): for every filter f the sum of the weighted
// magnitudes that are > 0, and their count; weight w = a(ky) + a(kx) - a(ky) a(kx), filters[f * n + k] = a_f(k)
KERNEL void decorr_runs(GLOBAL const double* mag, int cols, GLOBAL const int* runs, int runCount,
                        GLOBAL const double* filters, int n, int nf, GLOBAL double* amp, GLOBAL double* cnt) {
    int r = GID(0);
    if (r >= runCount) {
        return;
    }
    int row = runs[4 * r];
    int x0 = runs[4 * r + 2];
    int x1 = runs[4 * r + 3];
    GLOBAL const double* m = mag + (long) row * cols;
    for (int f = 0; f < nf; f++) {
        GLOBAL const double* a = filters + (long) f * n;
        double ay = a[row];
        double s = 0;
        int c = 0;
        for (int x = x0; x < x1; x++) {
            double v = m[x] * (ay + a[x] - ay * a[x]);
            if (v > 0) {
                s += v;
                c++;
            }
        }
        amp[(long) r * nf + f] = s;
        cnt[(long) r * nf + f] = (double) c;
    }
}

// one work-item per stored row: sum of |F w|^2 over the row's part of the full disc (columns >= 1 count twice)
KERNEL void decorr_disc(GLOBAL const double* mag, int cols, GLOBAL const int* discEnd, int n,
                        GLOBAL const double* filters, int nf, GLOBAL double* energy) {
    int row = GID(0);
    if (row >= n) {
        return;
    }
    int last = discEnd[row];
    GLOBAL const double* m = mag + (long) row * cols;
    for (int f = 0; f < nf; f++) {
        GLOBAL const double* a = filters + (long) f * n;
        double e = 0;
        if (last >= 0) {
            double ay = a[row];
            double v0 = m[0] * (ay + a[0] - ay * a[0]);
            double twice = 0;
            for (int x = 1; x <= last; x++) {
                double v = m[x] * (ay + a[x] - ay * a[x]);
                twice += v * v;
            }
            e = v0 * v0 + 2 * twice;
        }
        energy[(long) row * nf + f] = e;
    }
}

// one work-item per (curve point, filter): the run sums of that point in row order; work-items of point nr add up
// the rows' disc energies instead
KERNEL void decorr_reduce(GLOBAL const double* amp, GLOBAL const double* cnt, GLOBAL const int* byBin,
                          GLOBAL const int* binStart, int nr, int nf, GLOBAL const double* energy, int rows,
                          GLOBAL double* out) {
    int f = GID(0);
    int k = GID(1);
    if (f >= nf || k > nr) {
        return;
    }
    if (k == nr) {
        double e = 0;
        for (int row = 0; row < rows; row++) {
            e += energy[(long) row * nf + f];
        }
        out[(long) 2 * nr * nf + f] = e;
        return;
    }
    double s = 0;
    double c = 0;
    for (int i = binStart[k]; i < binStart[k + 1]; i++) {
        long r = byBin[i];
        s += amp[r * nf + f];
        c += cnt[r * nf + f];
    }
    out[(long) f * nr + k] = s;
    out[(long) nr * nf + (long) f * nr + k] = c;
}
