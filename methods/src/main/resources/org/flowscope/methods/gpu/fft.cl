// Double-precision complex FFT passes (Stockham autosort, radices 2, 3, 4, 5, 7), one launch per pass, for batches of
// 1-D transforms along rows or columns of an interleaved complex image. See GpuFft.java.
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

DEVICE_FN double2 cadd(double2 a, double2 b) { return D2(a.x + b.x, a.y + b.y); }
DEVICE_FN double2 csub(double2 a, double2 b) { return D2(a.x - b.x, a.y - b.y); }
DEVICE_FN double2 cmul(double2 a, double2 b) { return D2(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x); }
DEVICE_FN double2 cscale(double2 a, double s) { return D2(a.x * s, a.y * s); }
// i * s * a, s = +-1
DEVICE_FN double2 crot(double2 a, double s) { return D2(-s * a.y, s * a.x); }

// tw[m] = exp(-2 pi i m / n), m < n
KERNEL void fft_twiddles(GLOBAL double2* tw, int n) {
    int m = GID(0);
    if (m >= n) {
        return;
    }
    double t = (double) (2 * m) / (double) n;
    tw[m] = D2(cospi(t), -sinpi(t));
}

// One radix-r pass: transform t, butterfly j (of n / r). Element e of transform t is at t * batchStride + e * elemStride.
// Stockham: reads v[q] = src[j + q n/r], twiddles by w^(q (j mod ns) n/(ns r)), writes dst[(j/ns) ns r + j mod ns + q ns].
// sign -1 forward, +1 inverse (conjugate twiddles); every output is multiplied by scale.
KERNEL void fft_pass(GLOBAL const double2* src, GLOBAL double2* dst, GLOBAL const double2* tw, int n, int r, int ns,
                     int elemStride, int batchStride, int count, int batchFast, int sign, double scale) {
    int j = batchFast ? GID(1) : GID(0);
    int t = batchFast ? GID(0) : GID(1);
    int nj = n / r;
    if (j >= nj || t >= count) {
        return;
    }
    long base = (long) t * batchStride;
    int k = j % ns;
    int step = n / (ns * r);
    double2 v[7];
    for (int q = 0; q < r; q++) {
        double2 a = src[base + (long) (j + q * nj) * elemStride];
        if (q > 0 && k > 0) {
            double2 w = tw[k * q * step];
            if (sign > 0) {
                w.y = -w.y;
            }
            a = cmul(a, w);
        }
        v[q] = a;
    }
    double s = (double) sign;
    if (r == 2) {
        double2 a0 = v[0];
        v[0] = cadd(a0, v[1]);
        v[1] = csub(a0, v[1]);
    } else if (r == 4) {
        double2 a0 = cadd(v[0], v[2]);
        double2 a1 = csub(v[0], v[2]);
        double2 a2 = cadd(v[1], v[3]);
        double2 a3 = crot(csub(v[1], v[3]), s);
        v[0] = cadd(a0, a2);
        v[2] = csub(a0, a2);
        v[1] = cadd(a1, a3);
        v[3] = csub(a1, a3);
    } else if (r == 3) {
        const double c1 = -0.5;
        const double s1 = 0.86602540378443864676;
        double2 t1 = cadd(v[1], v[2]);
        double2 m1 = cadd(v[0], cscale(t1, c1));
        double2 m2 = crot(csub(v[1], v[2]), s * s1);
        v[0] = cadd(v[0], t1);
        v[1] = cadd(m1, m2);
        v[2] = csub(m1, m2);
    } else if (r == 5) {
        const double c1 = 0.30901699437494742410;
        const double c2 = -0.80901699437494742410;
        const double s1 = 0.95105651629515357212;
        const double s2 = 0.58778525229247312917;
        double2 t1 = cadd(v[1], v[4]);
        double2 t2 = cadd(v[2], v[3]);
        double2 t3 = csub(v[1], v[4]);
        double2 t4 = csub(v[2], v[3]);
        double2 a1 = cadd(v[0], cadd(cscale(t1, c1), cscale(t2, c2)));
        double2 a2 = cadd(v[0], cadd(cscale(t1, c2), cscale(t2, c1)));
        double2 b1 = crot(cadd(cscale(t3, s1), cscale(t4, s2)), s);
        double2 b2 = crot(csub(cscale(t3, s2), cscale(t4, s1)), s);
        v[0] = cadd(v[0], cadd(t1, t2));
        v[1] = cadd(a1, b1);
        v[4] = csub(a1, b1);
        v[2] = cadd(a2, b2);
        v[3] = csub(a2, b2);
    } else if (r == 7) {
        const double c1 = 0.62348980185873353053;
        const double c2 = -0.22252093395631440429;
        const double c3 = -0.90096886790241912624;
        const double s1 = 0.78183148246802980871;
        const double s2 = 0.97492791218182360702;
        const double s3 = 0.43388373911755812048;
        double2 t1 = cadd(v[1], v[6]);
        double2 t2 = cadd(v[2], v[5]);
        double2 t3 = cadd(v[3], v[4]);
        double2 u1 = csub(v[1], v[6]);
        double2 u2 = csub(v[2], v[5]);
        double2 u3 = csub(v[3], v[4]);
        double2 a1 = cadd(v[0], cadd(cscale(t1, c1), cadd(cscale(t2, c2), cscale(t3, c3))));
        double2 a2 = cadd(v[0], cadd(cscale(t1, c2), cadd(cscale(t2, c3), cscale(t3, c1))));
        double2 a3 = cadd(v[0], cadd(cscale(t1, c3), cadd(cscale(t2, c1), cscale(t3, c2))));
        double2 b1 = crot(cadd(cscale(u1, s1), cadd(cscale(u2, s2), cscale(u3, s3))), s);
        double2 b2 = crot(csub(csub(cscale(u1, s2), cscale(u2, s3)), cscale(u3, s1)), s);
        double2 b3 = crot(csub(cscale(u1, s3), csub(cscale(u2, s1), cscale(u3, s2))), s);
        v[0] = cadd(v[0], cadd(t1, cadd(t2, t3)));
        v[1] = cadd(a1, b1);
        v[6] = csub(a1, b1);
        v[2] = cadd(a2, b2);
        v[5] = csub(a2, b2);
        v[3] = cadd(a3, b3);
        v[4] = csub(a3, b3);
    }
    int d = (j / ns) * ns * r + k;
    for (int q = 0; q < r; q++) {
        dst[base + (long) (d + q * ns) * elemStride] = cscale(v[q], scale);
    }
}

// Bluestein's algorithm for sides with a prime factor above 7: a length-n DFT as a circular convolution of length m
// (a power of two >= 2n - 1) with the chirp w_j = exp(sign i pi j^2 / n); j^2 is reduced modulo 2n in integers first.
KERNEL void bluestein_chirp(GLOBAL double2* w, int n, int sign) {
    int j = GID(0);
    if (j >= n) {
        return;
    }
    long r = ((long) j * j) % (2L * n);
    double t = (double) r / (double) n;
    w[j] = D2(cospi(t), sign * sinpi(t));
}

// the convolution kernel b: conj(w_j) at j and m - j (0 <= j < n), zero between
KERNEL void bluestein_kernel(GLOBAL const double2* w, int n, int m, GLOBAL double2* b) {
    int j = GID(0);
    if (j >= m) {
        return;
    }
    double2 v = D2(0.0, 0.0);
    if (j < n) {
        v = D2(w[j].x, -w[j].y);
    } else if (m - j < n) {
        v = D2(w[m - j].x, -w[m - j].y);
    }
    b[j] = v;
}

// work[t m + j] = x_t[j] w_j for j < n, 0 up to m; x_t[j] at t * batchStride + j * elemStride
KERNEL void bluestein_pre(GLOBAL const double2* src, GLOBAL double2* work, GLOBAL const double2* w, int n, int m,
                          int elemStride, int batchStride, int count) {
    int j = GID(0);
    int t = GID(1);
    if (j >= m || t >= count) {
        return;
    }
    double2 v = D2(0.0, 0.0);
    if (j < n) {
        v = cmul(src[(long) t * batchStride + (long) j * elemStride], w[j]);
    }
    work[(long) t * m + j] = v;
}

KERNEL void bluestein_mul(GLOBAL double2* work, GLOBAL const double2* b, int m, int count) {
    int j = GID(0);
    int t = GID(1);
    if (j >= m || t >= count) {
        return;
    }
    long i = (long) t * m + j;
    work[i] = cmul(work[i], b[j]);
}

// dst_t[k] = scale w_k work[t m + k], k < n
KERNEL void bluestein_post(GLOBAL const double2* work, GLOBAL double2* dst, GLOBAL const double2* w, int n, int m,
                           int elemStride, int batchStride, int count, double scale) {
    int k = GID(0);
    int t = GID(1);
    if (k >= n || t >= count) {
        return;
    }
    dst[(long) t * batchStride + (long) k * elemStride] = cscale(cmul(work[(long) t * m + k], w[k]), scale);
}
