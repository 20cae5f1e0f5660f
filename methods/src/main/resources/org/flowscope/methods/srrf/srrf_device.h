// SRRF device functions, written once for srrf.cl (OpenCL) and srrf.cu (CUDA): the kernels there map their work
// item / thread to a pixel and call these. Same arithmetic as SrrfCpu (Java reference): ring positions in float,
// x0 / M a correctly rounded division, so that every implementation samples the gradients at the same points.
#ifndef FLOWSCOPE_SRRF_DEVICE_H
#define FLOWSCOPE_SRRF_DEVICE_H

#include "../kernel_compat.h"

#ifdef __CUDACC__
#define SRRF_LOCAL
#define SRRF_BARRIER() __syncthreads()
#define SRRF_POPCOUNT(x) __popc(x)
#else
#define SRRF_LOCAL __local
#define SRRF_BARRIER() barrier(CLK_LOCAL_MEM_FENCE)
#define SRRF_POPCOUNT(x) popcount(x)
#endif

#define SRRF_GEO_CENTRED 0
#define SRRF_GEO_NANOPYX 1
#define SRRF_AVG 0
#define SRRF_MAX 1
#define SRRF_PPS 2
#define SRRF_TRAC2 3
#define SRRF_TRAC3 4
#define SRRF_TRAC4 5
#define SRRF_RING 12

// The Catmull-Rom weight in factored form: near |v| = 1 and 2 the weights are tiny, and the expanded polynomial would
// lose them to cancellation in float (the reference evaluates it in double). A ring point on a pixel centre whose
// gradient is 0 (NanoPyx's border) gets a gradient made only of such tiny weights, and its direction must still
// match the reference's.
DEVFN float srrf_cr_weight(float v) {
    float a = FABS(v);
    if (a < 1.0f) {
        return (a - 1.0f) * ((1.5f * a - 1.0f) * a - 1.0f);
    }
    if (a < 2.0f) {
        float b = a - 2.0f;
        return -0.5f * (a - 1.0f) * (b * b);
    }
    return 0.0f;
}

// Central differences at input pixel (r, c): NanoPyx's are 0 on the outermost pixels, the centred geometry's are
// those of the edge-replicated frame.
DEVFN float2 srrf_gradient_point(GLOBAL_MEM const float* RESTRICT img, int h, int w, int r, int c, int geo) {
    if (geo == SRRF_GEO_NANOPYX && (r < 1 || r > h - 2 || c < 1 || c > w - 2)) {
        return FLOAT2(0.0f, 0.0f);
    }
    int rm = max(r - 1, 0);
    int rp = min(r + 1, h - 1);
    int cm = max(c - 1, 0);
    int cp = min(c + 1, w - 1);
    return FLOAT2(-LDG(img + r * w + cm) + LDG(img + r * w + cp), -LDG(img + rm * w + c) + LDG(img + rp * w + c));
}

// Catmull-Rom of the gradient field at (y, x), pixel k at k + 0.5, down the rows of each column tap then across
// (NanoPyx's order). NanoPyx: 0 outside the frame, taps outside skipped; centred: taps outside repeat the edge.
DEVFN float2 srrf_gradient_at(GLOBAL_MEM const float2* RESTRICT g, int h, int w, float y, float x, int geo) {
    if (geo == SRRF_GEO_NANOPYX && (y < 0.0f || y >= (float) h || x < 0.0f || x >= (float) w)) {
        return FLOAT2(0.0f, 0.0f);
    }
    int r0 = (int) FLOOR(y - 0.5f);
    int c0 = (int) FLOOR(x - 0.5f);
    float qx = 0.0f;
    float qy = 0.0f;
    for (int jj = 0; jj < 4; jj++) {
        int c = c0 - 1 + jj;
        if (geo == SRRF_GEO_NANOPYX && (c < 0 || c >= w)) {
            continue;
        }
        int cc = min(max(c, 0), w - 1);
        float px = 0.0f;
        float py = 0.0f;
        for (int ii = 0; ii < 4; ii++) {
            int r = r0 - 1 + ii;
            if (geo == SRRF_GEO_NANOPYX && (r < 0 || r >= h)) {
                continue;
            }
            float kr = srrf_cr_weight(y - ((float) r + 0.5f));
            float2 v = LDG(g + min(max(r, 0), h - 1) * w + cc);
            px += v.x * kr;
            py += v.y * kr;
        }
        float kc = srrf_cr_weight(x - ((float) c + 0.5f));
        qx += px * kc;
        qy += py * kc;
    }
    return FLOAT2(qx, qy);
}

// The magnified image at (y, x), same interpolator as the gradients.
DEVFN float srrf_image_at(GLOBAL_MEM const float* RESTRICT img, int h, int w, float y, float x, int geo) {
    int r0 = (int) FLOOR(y - 0.5f);
    int c0 = (int) FLOOR(x - 0.5f);
    float q = 0.0f;
    for (int jj = 0; jj < 4; jj++) {
        int c = c0 - 1 + jj;
        if (geo == SRRF_GEO_NANOPYX && (c < 0 || c >= w)) {
            continue;
        }
        int cc = min(max(c, 0), w - 1);
        float p = 0.0f;
        for (int ii = 0; ii < 4; ii++) {
            int r = r0 - 1 + ii;
            if (geo == SRRF_GEO_NANOPYX && (r < 0 || r >= h)) {
                continue;
            }
            p += LDG(img + min(max(r, 0), h - 1) * w + cc) * srrf_cr_weight(y - ((float) r + 0.5f));
        }
        q += p * srrf_cr_weight(x - ((float) c + 0.5f));
    }
    return q;
}

// Intensity-weighted radiality of output pixel (j, i) of one frame; 0 in the margins. ring: x, y of each of the 12
// points (output pixels), radius: R (output pixels).
DEVFN float srrf_value(GLOBAL_MEM const float* RESTRICT img, GLOBAL_MEM const float2* RESTRICT g, int h, int w, int m,
        int geo, int margin, GLOBAL_MEM const float* RESTRICT ring, float radius, int positivity, int weighting, int j,
        int i) {
    if (j < margin || j >= h * m - margin || i < margin || i >= w * m - margin) {
        return 0.0f;
    }
    float xc = (float) i + 0.5f;
    float yc = (float) j + 0.5f;
    float fm = (float) m;
    float sum = 0.0f;
    for (int k = 0; k < SRRF_RING; k++) {
        float xr = LDG(ring + 2 * k);
        float yr = LDG(ring + 2 * k + 1);
        float x0 = xc + xr;
        float y0 = yc + yr;
        float2 v = srrf_gradient_at(g, h, w, y0 / fm, x0 / fm, geo);
        float mag = SQRT(v.x * v.x + v.y * v.y);
        if (mag == 0.0f) {
            continue;
        }
        float d = 1.0f - (FABS(v.y * (xc - x0) - v.x * (yc - y0)) / mag) / radius;
        float dk = d * d;
        sum += v.x * xr + v.y * yr > 0.0f ? -dk : dk;
    }
    sum /= (float) SRRF_RING;
    if (positivity && !(sum > 0.0f)) {
        sum = 0.0f;
    }
    if (weighting) {
        float iy = geo == SRRF_GEO_NANOPYX ? (float) j / fm : ((float) j + 0.5f) / fm;
        float ix = geo == SRRF_GEO_NANOPYX ? (float) i / fm : ((float) i + 0.5f) / fm;
        sum *= srrf_image_at(img, h, w, iy, ix, geo);
    }
    return sum;
}

// Doubles kept per pixel for each temporal analysis (see RadialityAccumulator).
DEVFN int srrf_slots(int stat) {
    return stat == SRRF_AVG || stat == SRRF_MAX ? 1 : stat == SRRF_PPS ? 2 : 1 << (stat - SRRF_TRAC2 + 2);
}

// One pixel's running temporal sums: s[0] the sum (cumulants: of the values less the first), s[1] PPS's squares,
// s[U] a cumulant's subset sums; recent: the last values, newest at [3]; shift: the first value.
typedef struct {
    double s[16];
    float recent[4];
    float shift;
} srrf_state;

DEVFN void srrf_state_load(srrf_state* a, int stat, int firstFrame, size_t p, size_t px,
        GLOBAL_MEM const double* acc, GLOBAL_MEM const float* recent, GLOBAL_MEM const float* shift) {
    int slots = srrf_slots(stat);
#pragma unroll
    for (int u = 0; u < 16; u++) {
        a->s[u] = firstFrame > 0 && u < slots ? acc[u * px + p] : 0.0;
    }
#pragma unroll
    for (int i = 0; i < 4; i++) {
        a->recent[i] = firstFrame > 0 && stat >= SRRF_TRAC2 ? recent[i * px + p] : 0.0f;
    }
    a->shift = firstFrame > 0 && stat >= SRRF_TRAC2 ? shift[p] : 0.0f;
}

DEVFN void srrf_state_store(const srrf_state* a, int stat, size_t p, size_t px, GLOBAL_MEM double* acc,
        GLOBAL_MEM float* recent, GLOBAL_MEM float* shift) {
    int slots = srrf_slots(stat);
#pragma unroll
    for (int u = 0; u < 16; u++) {
        if (u < slots) {
            acc[u * px + p] = a->s[u];
        }
    }
    if (stat >= SRRF_TRAC2) {
#pragma unroll
        for (int i = 0; i < 4; i++) {
            recent[i * px + p] = a->recent[i];
        }
        shift[p] = a->shift;
    }
}

// Adds the products of every subset of the window held in recent (its last n values) to the subset sums.
DEVFN void srrf_window(srrf_state* a, int n) {
    double y[4];
    y[0] = (double) (n == 4 ? a->recent[0] : n == 3 ? a->recent[1] : a->recent[2]) - a->shift;
    y[1] = (double) (n == 4 ? a->recent[1] : n == 3 ? a->recent[2] : a->recent[3]) - a->shift;
    y[2] = (double) (n == 4 ? a->recent[2] : a->recent[3]) - a->shift;
    y[3] = (double) a->recent[3] - a->shift;
    double prod[16];
    prod[0] = 1.0;
    int slots = 1 << n;
#pragma unroll
    for (int u = 1; u < 16; u++) {
        int top = u >= 8 ? 3 : u >= 4 ? 2 : u >= 2 ? 1 : 0;
        prod[u] = prod[u & ~(1 << top)] * y[top];
        if (u < slots) {
            a->s[u] += prod[u];
        }
    }
}

DEVFN void srrf_push(srrf_state* a, float v) {
    a->recent[0] = a->recent[1];
    a->recent[1] = a->recent[2];
    a->recent[2] = a->recent[3];
    a->recent[3] = v;
}

// Adds value v of frame f of the time point (0 = its first).
DEVFN void srrf_state_add(srrf_state* a, int stat, int geo, int f, float v) {
    if (stat == SRRF_AVG) {
        a->s[0] += v;
    } else if (stat == SRRF_MAX) {
        a->s[0] = f == 0 ? (double) v : fmax(a->s[0], (double) v);
    } else if (stat == SRRF_PPS) {
        double x = v > 0.0f ? (double) v : 0.0;
        a->s[0] += x;
        a->s[1] += x * x;
    } else {
        int n = stat - SRRF_TRAC2 + 2;
        if (f == 0) {
            a->shift = v;
        }
        a->s[0] += (double) v - a->shift;
        // NanoPyx's windows end before the last frame: a window is added when the frame after it arrives
        if (geo == SRRF_GEO_NANOPYX && f >= n) {
            srrf_window(a, n);
        }
        srrf_push(a, v);
        if (geo != SRRF_GEO_NANOPYX && f >= n - 1) {
            srrf_window(a, n);
        }
    }
}

// sum over windows of prod_{i in set} (y_{t+i} - mean), from the subset sums (s[0] replaced by the window count).
DEVFN double srrf_central(const double* s, int set, double mean) {
    double c = 0.0;
    int size = SRRF_POPCOUNT(set);
    for (int u = set;; u = (u - 1) & set) {
        double t = s[u];
        for (int e = SRRF_POPCOUNT(u); e < size; e++) {
            t *= -mean;
        }
        c += t;
        if (u == 0) {
            break;
        }
    }
    return c;
}

// The temporal statistic of pixel p over the time point's frames.
DEVFN void srrf_finish_pixel(size_t p, size_t px, int frames, int stat, int geo, GLOBAL_MEM const double* RESTRICT acc,
        GLOBAL_MEM float* RESTRICT out) {
    if (p >= px) {
        return;
    }
    double t = frames;
    double r;
    if (stat == SRRF_AVG) {
        r = acc[p] / t;
    } else if (stat == SRRF_MAX) {
        r = acc[p];
    } else if (stat == SRRF_PPS) {
        double s = acc[p];
        r = (s * s + acc[px + p]) / (t * (t + 1.0));
    } else {
        int n = stat - SRRF_TRAC2 + 2;
        double s[16];
        for (int u = 0; u < 16; u++) {
            s[u] = u < (1 << n) ? acc[u * px + p] : 0.0;
        }
        double mean = s[0] / t;
        bool nanopyx = geo == SRRF_GEO_NANOPYX;
        double windows = nanopyx ? t - n : t - n + 1.0;
        s[0] = windows;
        double div = nanopyx ? 1.0 : windows;
        if (n == 2) {
            r = srrf_central(s, 3, mean) / div;
        } else if (n == 3) {
            r = nanopyx ? srrf_central(s, 3, mean) + srrf_central(s, 4, mean) : srrf_central(s, 7, mean) / div;
        } else {
            r = srrf_central(s, 15, mean) / div
                    - srrf_central(s, 3, mean) / div * (srrf_central(s, 12, mean) / div)
                    - srrf_central(s, 5, mean) / div * (srrf_central(s, 10, mean) / div)
                    - srrf_central(s, 9, mean) / div * (srrf_central(s, 6, mean) / div);
        }
        r = fabs(r);
        if (nanopyx) {
            r /= t;
        }
    }
    out[p] = (float) r;
}

// Intensity-weighted radiality and running sums of output pixel (j, i) over the frames of a chunk; firstFrame is the
// index of the chunk's first frame within the time point (0 starts the sums). With divide, each frame's value is
// divided by its phase mean (NanoPyx's per-frame macro-pixel correction).
DEVFN void srrf_accumulate_pixel(int i, int j, GLOBAL_MEM const float* RESTRICT frames,
        GLOBAL_MEM const float2* RESTRICT grads, int frameCount, int firstFrame, int h, int w, int m, int geo,
        int margin, GLOBAL_MEM const float* RESTRICT ring, float radius, int positivity, int weighting, int divide,
        GLOBAL_MEM const float* RESTRICT means, int stat, GLOBAL_MEM double* RESTRICT acc,
        GLOBAL_MEM float* RESTRICT recent, GLOBAL_MEM float* RESTRICT shift) {
    const int wm = w * m;
    if (i >= wm || j >= h * m) {
        return;
    }
    const size_t px = (size_t) h * m * wm;
    const size_t p = (size_t) j * wm + i;
    const int ph = (j % m) * m + i % m;
    srrf_state a;
    srrf_state_load(&a, stat, firstFrame, p, px, acc, recent, shift);
    for (int f = 0; f < frameCount; f++) {
        size_t o = (size_t) f * h * w;
        float v = srrf_value(frames + o, grads + o, h, w, m, geo, margin, ring, radius, positivity, weighting, j, i);
        if (divide) {
            float c = means[f * m * m + ph];
            if (c != 0.0f) {
                v /= c;
            }
        }
        srrf_state_add(&a, stat, geo, firstFrame + f, v);
    }
    srrf_state_store(&a, stat, p, px, acc, recent, shift);
}

// The mean of sub-pixel phase ph of frame f's values (margins included), by a work group of lsize (a power of 2)
// items sharing scratch: each item sums a strided share of the phase's h x w pixels, then a tree in local memory.
DEVFN void srrf_phase_mean(int ph, int f, int lid, int lsize, SRRF_LOCAL double* scratch,
        GLOBAL_MEM const float* RESTRICT frames, GLOBAL_MEM const float2* RESTRICT grads, int h, int w, int m, int geo,
        int margin, GLOBAL_MEM const float* RESTRICT ring, float radius, int positivity, int weighting,
        GLOBAL_MEM float* RESTRICT means) {
    const int sy = ph / m;
    const int sx = ph % m;
    size_t o = (size_t) f * h * w;
    double s = 0.0;
    for (int idx = lid; idx < h * w; idx += lsize) {
        s += srrf_value(frames + o, grads + o, h, w, m, geo, margin, ring, radius, positivity, weighting,
                (idx / w) * m + sy, (idx % w) * m + sx);
    }
    scratch[lid] = s;
    SRRF_BARRIER();
    for (int stride = lsize / 2; stride > 0; stride >>= 1) {
        if (lid < stride) {
            scratch[lid] += scratch[lid + stride];
        }
        SRRF_BARRIER();
    }
    if (lid == 0) {
        means[f * m * m + ph] = (float) (scratch[0] / ((double) h * w));
    }
}

#endif
