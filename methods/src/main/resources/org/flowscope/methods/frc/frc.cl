// Fourier ring correlation on the device (see FrcGpu.java): windowed crops, planes of the two spectra (float32 as
// NanoPyx keeps them) and the bilinear ring sums, one work-group per ring. Double precision elsewhere.
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

#define PI_D 3.141592653589793
#define RING_LOCAL 64

// the centred n x n crop of img multiplied by the separable window, rounded to float32, as complex numbers
KERNEL void frc_window(GLOBAL const float* img, int h, int w, int n, GLOBAL const double* win, GLOBAL double2* out) {
    int x = GID(0);
    int y = GID(1);
    if (x >= n || y >= n) {
        return;
    }
    int y0 = (h - n) / 2;
    int x0 = (w - n) / 2;
    double v = DMUL(DMUL((double) img[(long) (y0 + y) * w + x0 + x], win[y]), win[x]);
    out[(long) y * n + x] = D2((double) (float) v, 0.0);
}

// fft-shifted planes P0 = Re(F1 conj F2), P1 = |F1|^2, P2 = |F2|^2 from the float32-rounded spectra, in float32
KERNEL void frc_planes(GLOBAL const double2* fa, GLOBAL const double2* fb, int n, GLOBAL float* p0, GLOBAL float* p1,
                       GLOBAL float* p2) {
    int x = GID(0);
    int y = GID(1);
    if (x >= n || y >= n) {
        return;
    }
    long src = (long) ((y + n / 2) % n) * n + (x + n / 2) % n;
    float ar = (float) fa[src].x;
    float ai = (float) fa[src].y;
    float br = (float) fb[src].x;
    float bi = (float) fb[src].y;
    long i = (long) y * n + x;
    p0[i] = FADD(FMUL(ar, br), FMUL(ai, bi));
    p1[i] = FADD(FMUL(ar, ar), FMUL(ai, ai));
    p2[i] = FADD(FMUL(br, br), FMUL(bi, bi));
}

DEVICE_FN double frc_bilinear(GLOBAL const float* p, int n, int x0, int y0, double fx, double fy) {
    long i = (long) y0 * n + x0;
    double top = p[i] + fx * (double) FSUB(p[i + 1], p[i]);
    double bottom = p[i + n] + fx * (double) FSUB(p[i + n + 1], p[i + n]);
    return top + fy * (bottom - top);
}

// one work-group (RING_LOCAL items) per ring r = 1 .. maxR - 1: sums of the three planes sampled bilinearly on the
// circle of radius r at angular steps of 1/r (float32 angles, as the reference); out[3 r + q]
KERNEL void frc_rings(GLOBAL const float* p0, GLOBAL const float* p1, GLOBAL const float* p2, int n, int maxR,
                      float twoPi, GLOBAL double* out) {
    LOCAL double s0[RING_LOCAL];
    LOCAL double s1[RING_LOCAL];
    LOCAL double s2[RING_LOCAL];
    int r = GROUP(0) + 1;
    int lid = LID(0);
    double a0 = 0;
    double a1 = 0;
    double a2 = 0;
    if (r < maxR) {
        int centre = n / 2;
        float step = (float) (1.0 / (double) r);
        int count = (int) ceil((double) twoPi / (double) step);
        for (int i = lid; i < count; i += RING_LOCAL) {
            float phi = FMUL((float) i, step);
            double c = cos((double) phi);
            double s = sqrt(fmax(0.0, 1 - c * c));
            if ((double) phi > PI_D) {
                s = -s;
            }
            double x = centre + r * c;
            double y = centre + r * s;
            int x0 = (int) x;
            int y0 = (int) y;
            double fx = fmax(0.0, x - x0);
            double fy = fmax(0.0, y - y0);
            a0 += frc_bilinear(p0, n, x0, y0, fx, fy);
            a1 += frc_bilinear(p1, n, x0, y0, fx, fy);
            a2 += frc_bilinear(p2, n, x0, y0, fx, fy);
        }
    }
    s0[lid] = a0;
    s1[lid] = a1;
    s2[lid] = a2;
    BARRIER();
    for (int span = RING_LOCAL / 2; span > 0; span >>= 1) {
        if (lid < span) {
            s0[lid] += s0[lid + span];
            s1[lid] += s1[lid + span];
            s2[lid] += s2[lid + span];
        }
        BARRIER();
    }
    if (lid == 0 && r < maxR) {
        out[3 * r] = s0[0];
        out[3 * r + 1] = s1[0];
        out[3 * r + 2] = s2[0];
    }
}
