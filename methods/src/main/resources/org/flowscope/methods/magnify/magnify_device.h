// Magnify device function, written once for magnify.cl (OpenCL) and magnify.cu (CUDA): output pixel (i, j) of frame
// f is the separable sum of its row taps and column taps (see AxisTaps.java: the host computes every tap's input index
// and weight, the axis normalisation folded in, so the device only sums products). Per column tap, the weighted sum
// down the row taps first, then across the columns: the order of the Java reference. Index -1 = a tap that reads
// nothing (skipped at NanoPyx's border, or a position outside the image); it is not read, so a NaN there stays out.
#ifndef FLOWSCOPE_MAGNIFY_DEVICE_H
#define FLOWSCOPE_MAGNIFY_DEVICE_H

#include "../kernel_compat.h"

DEVFN void magnify_pixel(GLOBAL_MEM const float* RESTRICT in, GLOBAL_MEM float* RESTRICT out,
        GLOBAL_MEM const int* RESTRICT tapY, GLOBAL_MEM const float* RESTRICT wY,
        GLOBAL_MEM const int* RESTRICT tapX, GLOBAL_MEM const float* RESTRICT wX,
        int h, int w, int hm, int wm, int taps, int j, int i, int f) {
    if (j >= wm || i >= hm) {
        return;
    }
    GLOBAL_MEM const float* frame = in + (size_t) f * h * w;
    GLOBAL_MEM const int* ty = tapY + (size_t) i * taps;
    GLOBAL_MEM const float* wy = wY + (size_t) i * taps;
    GLOBAL_MEM const int* tx = tapX + (size_t) j * taps;
    GLOBAL_MEM const float* wx = wX + (size_t) j * taps;
    float q = 0.0f;
    for (int c = 0; c < taps; c++) {
        const int ic = LDG(tx + c);
        if (ic < 0) {
            continue;
        }
        float p = 0.0f;
        for (int r = 0; r < taps; r++) {
            const int ir = LDG(ty + r);
            if (ir >= 0) {
                p += LDG(frame + (size_t) ir * w + ic) * LDG(wy + r);
            }
        }
        q += p * LDG(wx + c);
    }
    out[((size_t) f * hm + i) * wm + j] = q;
}

#endif
