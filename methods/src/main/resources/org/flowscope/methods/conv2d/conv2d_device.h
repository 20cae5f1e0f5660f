// Conv2d device function, written once for conv2d.cl (OpenCL) and conv2d.cu (CUDA): correlation with clamped
// borders (see Conv2d.java for the formula) of output pixel (r, c) of frame f.
#ifndef FLOWSCOPE_CONV2D_DEVICE_H
#define FLOWSCOPE_CONV2D_DEVICE_H

#include "../kernel_compat.h"

// The weights are read by every thread of a warp / work group at the same time: constant memory (OpenCL) or the
// read-only cache (CUDA) broadcasts them.
DEVFN void conv2d_pixel(GLOBAL_MEM const float* RESTRICT in, GLOBAL_MEM float* RESTRICT out,
        CONSTANT_MEM const float* RESTRICT weights, int h, int w, int kh, int kw, int c, int r, int f) {
    if (c >= w || r >= h) {
        return;
    }
    const int cr = (kh - 1) / 2;
    const int cc = (kw - 1) / 2;
    const size_t frameBase = (size_t) f * h * w;
    float acc = 0.0f;
    for (int kr = 0; kr < kh; kr++) {
        const int sr = min(max(r + kr - cr, 0), h - 1);
        GLOBAL_MEM const float* row = in + frameBase + (size_t) sr * w;
        CONSTANT_MEM const float* wrow = weights + kr * kw;
        for (int kc = 0; kc < kw; kc++) {
            const int sc = min(max(c + kc - cc, 0), w - 1);
            acc += LDG(wrow + kc) * LDG(row + sc);
        }
    }
    out[frameBase + (size_t) r * w + c] = acc;
}

#endif
