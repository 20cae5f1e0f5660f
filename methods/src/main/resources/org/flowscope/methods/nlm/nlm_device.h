// Classic NLM device function, written once for nlm.cl (OpenCL) and nlm.cu (CUDA): output pixel (r, c) of frame f
// (see Nlm.java for the formula). The patch distance decides NanoPyx's early exit (partial sum > 5), so it is
// computed with the reference's float32 operations in the reference's order and never contracted into fused
// multiply-adds: every backend keeps and drops the same candidates. Only exp and the final sums may differ in the
// last bits.
#ifndef FLOWSCOPE_NLM_DEVICE_H
#define FLOWSCOPE_NLM_DEVICE_H

#include "../kernel_compat.h"

#ifdef __CUDACC__
// the _rn intrinsics are never fused by nvcc or ptxas
#define NLM_MUL(a, b) __fmul_rn(a, b)
#define NLM_ADD(a, b) __fadd_rn(a, b)
#define NLM_SUB(a, b) __fsub_rn(a, b)
#define NLM_EXP(x) expf(x)
#else
// OpenCL C allows contraction by default; the pragma in nlm.cl turns it off for the whole program
#define NLM_MUL(a, b) ((a) * (b))
#define NLM_ADD(a, b) ((a) + (b))
#define NLM_SUB(a, b) ((a) - (b))
#define NLM_EXP(x) exp(x)
#endif

#define NLM_CUTOFF 5.0f

// padded: the chunk's frames, each padded by s div 2 ((h + 2o) rows of (w + 2o)); weights: s*s patch weights.
DEVFN void nlm_pixel(GLOBAL_MEM const float* RESTRICT padded, GLOBAL_MEM float* RESTRICT out,
        CONSTANT_MEM const float* RESTRICT weights, int h, int w, int s, int d, float var, int c, int r, int f) {
    if (c >= w || r >= h) {
        return;
    }
    const int o = s / 2;
    const int wp = w + 2 * o;
    GLOBAL_MEM const float* frame = padded + (size_t) f * (h + 2 * o) * wp;
    GLOBAL_MEM const float* p = frame + (size_t) r * wp + c;
    float num = 0.0f;
    float den = 0.0f;
    const int i1 = min(h, r + d + 1);
    const int j0 = max(0, c - d);
    const int j1 = min(w, c + d + 1);
    for (int i = max(0, r - d); i < i1; i++) {
        for (int j = j0; j < j1; j++) {
            GLOBAL_MEM const float* q = frame + (size_t) i * wp + j;
            float dist = 0.0f;
            int dropped = 0;
            for (int a = 0; a < s; a++) {
                if (dist > NLM_CUTOFF) {
                    dropped = 1;
                    break;
                }
                for (int b = 0; b < s; b++) {
                    const float t = NLM_SUB(LDG(p + a * wp + b), LDG(q + a * wp + b));
                    dist = NLM_ADD(dist, NLM_MUL(LDG(weights + a * s + b), NLM_SUB(NLM_MUL(t, t), var)));
                }
            }
            const float weight = dropped ? 0.0f : NLM_EXP(-(dist > 0.0f ? dist : 0.0f));
            den += weight;
            num += weight * LDG(q + o * wp + o);
        }
    }
    out[(size_t) f * h * w + (size_t) r * w + c] = num / den;
}

#endif
