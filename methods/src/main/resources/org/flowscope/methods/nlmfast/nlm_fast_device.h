// Fast (uniform-weight) NLM device function, written once for nlm_fast.cl (OpenCL) and nlm_fast.cu (CUDA): output
// pixel (r, c) of frame f (see NlmFast.java for the formula). The box sum S decides the cut-off, so it is computed
// with the reference's float32 operations in the reference's order (column sums over a, then over b) and never
// contracted into fused multiply-adds; every backend keeps and drops the same candidates.
#ifndef FLOWSCOPE_NLM_FAST_DEVICE_H
#define FLOWSCOPE_NLM_FAST_DEVICE_H

#include "../kernel_compat.h"

#ifdef __CUDACC__
// the _rn intrinsics are never fused by nvcc or ptxas
#define NLMF_MUL(a, b) __fmul_rn(a, b)
#define NLMF_ADD(a, b) __fadd_rn(a, b)
#define NLMF_SUB(a, b) __fsub_rn(a, b)
#define NLMF_EXP(x) expf(x)
#else
// OpenCL C allows contraction by default; the pragma in nlm_fast.cl turns it off for the whole program
#define NLMF_MUL(a, b) ((a) * (b))
#define NLMF_ADD(a, b) ((a) + (b))
#define NLMF_SUB(a, b) ((a) - (b))
#define NLMF_EXP(x) exp(x)
#endif

// padded: the chunk's frames, each padded by o + d ((h + 2q) rows of (w + 2q), q = o + d).
DEVFN void nlm_fast_pixel(GLOBAL_MEM const float* RESTRICT padded, GLOBAL_MEM float* RESTRICT out, int h, int w,
        int s, int d, float var, float h2s2, float cutoff, int c, int r, int f) {
    if (c >= w || r >= h) {
        return;
    }
    const int o = s / 2;
    const int q = o + d;
    const int wp = w + 2 * q;
    GLOBAL_MEM const float* frame = padded + (size_t) f * (h + 2 * q) * wp;
    GLOBAL_MEM const float* p = frame + (size_t) (r + q) * wp + c + q;
    float num = 0.0f;
    float den = 0.0f;
    for (int tr = -d; tr <= d; tr++) {
        for (int tc = -d; tc <= d; tc++) {
            GLOBAL_MEM const float* cand = p + tr * wp + tc;
            float sum = 0.0f;
            for (int b = 1 - o; b <= o; b++) {
                float column = 0.0f;
                for (int a = 1 - o; a <= o; a++) {
                    const float t = NLMF_SUB(LDG(p + a * wp + b), LDG(cand + a * wp + b));
                    column = NLMF_ADD(column, NLMF_SUB(NLMF_MUL(t, t), var));
                }
                sum = NLMF_ADD(sum, column);
            }
            if (sum <= cutoff) {
                const float weight = NLMF_EXP(-((sum > 0.0f ? sum : 0.0f) / h2s2));
                den += weight;
                num += weight * LDG(cand);
            }
        }
    }
    out[(size_t) f * h * w + (size_t) r * w + c] = num / den;
}

#endif
