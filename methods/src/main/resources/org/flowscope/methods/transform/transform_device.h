// Transform device functions, written once for transform.cl (OpenCL) and transform.cu (CUDA): the interpolation
// family's point evaluation (Interpolator.at in Java) in float32, and one output pixel of a shift-scale-rotate.
// Constants: see TransformKernels.java (kernel kind, border and normalisation codes).
#ifndef FLOWSCOPE_TRANSFORM_DEVICE_H
#define FLOWSCOPE_TRANSFORM_DEVICE_H

#include "../kernel_compat.h"

#ifdef __CUDACC__
#define TR_SINPI(x) sinpif(x)
#else
#define TR_SINPI(x) sinpi(x)
#endif

#define TR_NEAREST 0
#define TR_LINEAR 1
#define TR_CATMULL_ROM 2
#define TR_LANCZOS3 3
#define TR_LANCZOS4 4

// border: taps outside the image skipped, clamped to the edge, or NanoPyx's truncating nearest neighbour
#define TR_SKIP 0
#define TR_CLAMP 1
#define TR_TRUNCATE 2

#define TR_NONE 0
#define TR_USED_TAPS 1
#define TR_UNIT_SUM 2

#define TR_MAX_TAPS 6

DEVFN int tr_taps(int kind) {
    return kind == TR_NEAREST ? 1 : kind == TR_LINEAR ? 2 : kind == TR_CATMULL_ROM ? 4 : kind == TR_LANCZOS3 ? 6 : 5;
}

// index of the first tap of continuous position pos (pixel k centred at k + 0.5)
DEVFN int tr_first(int kind, float pos) {
    if (kind == TR_NEAREST) {
        return (int) FLOOR(pos);
    }
    const int first = kind == TR_LINEAR ? 0 : kind == TR_CATMULL_ROM ? -1 : -2;
    return (int) FLOOR(pos - 0.5f) + first;
}

DEVFN float tr_lanczos(float t, float a) {
    const float at = FABS(t);
    if (at < 1e-12f) {
        return 1.0f;
    }
    if (at >= a) {
        return 0.0f;
    }
    const float pi = 3.14159265358979f;
    return a * TR_SINPI(t) * TR_SINPI(t / a) / (pi * pi * t * t);
}

// the weight of a tap at distance t (index units) from the position
DEVFN float tr_weight(int kind, float t) {
    const float a = FABS(t);
    switch (kind) {
        case TR_NEAREST:
            return t >= -0.5f && t < 0.5f ? 1.0f : 0.0f;
        case TR_LINEAR:
            return a < 1.0f ? 1.0f - a : 0.0f;
        case TR_CATMULL_ROM:
            if (a < 1.0f) {
                return a * a * (1.5f * a - 2.5f) + 1.0f;
            }
            if (a < 2.0f) {
                return ((-0.5f * a + 2.5f) * a - 4.0f) * a + 2.0f;
            }
            return 0.0f;
        case TR_LANCZOS3:
            return tr_lanczos(t, 3.0f);
        default:
            return tr_lanczos(t, 4.0f);
    }
}

DEVFN int tr_index(int k, int n, int border) {
    if (k >= 0 && k < n) {
        return k;
    }
    return border == TR_CLAMP ? (k < 0 ? 0 : n - 1) : -1;
}

// The interpolated value at continuous (y, x); 0 outside [0, h) x [0, w) (NanoPyx's rule and the operation's), except
// NanoPyx's truncating nearest neighbour, which accepts (-1, 0). Per column tap, the weighted sum down the row taps,
// then across: the order of the Java reference.
DEVFN float tr_sample(GLOBAL_MEM const float* RESTRICT img, int h, int w, float y, float x, int kind, int border,
        int norm) {
    if (border == TR_TRUNCATE) {
        const int r = (int) y;
        const int c = (int) x;
        if (r < 0 || r >= h || c < 0 || c >= w || y <= -1.0f || x <= -1.0f) {
            return 0.0f;
        }
        return LDG(img + (size_t) r * w + c);
    }
    if (!(y >= 0.0f && y < (float) h && x >= 0.0f && x < (float) w)) {
        return 0.0f;
    }
    const int taps = tr_taps(kind);
    const int r0 = tr_first(kind, y);
    const int c0 = tr_first(kind, x);
    float wr[TR_MAX_TAPS];
    int ir[TR_MAX_TAPS];
    float usedR = 0.0f;
    float allR = 0.0f;
    for (int t = 0; t < taps; t++) {
        const int k = r0 + t;
        wr[t] = tr_weight(kind, y - ((float) k + 0.5f));
        ir[t] = tr_index(k, h, border);
        allR += wr[t];
        if (ir[t] >= 0) {
            usedR += wr[t];
        }
    }
    float q = 0.0f;
    float usedC = 0.0f;
    float allC = 0.0f;
    for (int s = 0; s < taps; s++) {
        const int k = c0 + s;
        const float wc = tr_weight(kind, x - ((float) k + 0.5f));
        allC += wc;
        const int ic = tr_index(k, w, border);
        if (ic >= 0) {
            usedC += wc;
            float p = 0.0f;
            for (int t = 0; t < taps; t++) {
                if (ir[t] >= 0) {
                    p += LDG(img + (size_t) ir[t] * w + ic) * wr[t];
                }
            }
            q += p * wc;
        }
    }
    if (norm == TR_USED_TAPS) {
        const float s = usedR * usedC;
        return s == 0.0f ? 0.0f : q / s;
    }
    if (norm == TR_UNIT_SUM) {
        const float s = allR * allC;
        return s == 0.0f ? 0.0f : q / s;
    }
    return q;
}

// Output pixel (i, j) of frame f: position from the host's float32 products, x = (a u_j + b v_i) + cc and
// y = (c u_j + d v_i) + cr, additions only so that no compiler fuses them and every backend reads the same taps.
DEVFN void transform_pixel(GLOBAL_MEM const float* RESTRICT in, GLOBAL_MEM float* RESTRICT out,
        GLOBAL_MEM const float* RESTRICT au, GLOBAL_MEM const float* RESTRICT cu,
        GLOBAL_MEM const float* RESTRICT bv, GLOBAL_MEM const float* RESTRICT dv, int h, int w, float cr, float cc,
        int kind, int border, int norm, int j, int i, int f) {
    if (j >= w || i >= h) {
        return;
    }
    const float x = (LDG(au + j) + LDG(bv + i)) + cc;
    const float y = (LDG(cu + j) + LDG(dv + i)) + cr;
    const size_t frame = (size_t) f * h * w;
    out[frame + (size_t) i * w + j] = tr_sample(in + frame, h, w, y, x, kind, border, norm);
}

#endif
