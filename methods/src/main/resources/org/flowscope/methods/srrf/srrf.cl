// SRRF, fused: per chunk of frames their gradients, then per output pixel radiality, intensity weighting and the
// running temporal sums over all frames of the chunk, kept in registers and folded into device-resident state. The
// device functions are in srrf_device.h, shared with srrf.cu; these kernels map work items to pixels. Argument lists
// are bound from the records in SrrfKernels (SrrfKernelSignatureTest checks them against this file). Built with
// -cl-fp32-correctly-rounded-divide-sqrt: ring positions x0 / M must round as in the Java reference.

#pragma OPENCL EXTENSION cl_khr_fp64 : enable

#include "srrf_device.h"

#define SRRF_GROUP 256

// The gradients of input pixel (c, r) of frame f of the chunk.
__kernel void srrf_gradients(__global const float* frames, __global float2* grads, const int h, const int w,
        const int geo) {
    const int c = get_global_id(0);
    const int r = get_global_id(1);
    const int f = get_global_id(2);
    if (c >= w || r >= h) {
        return;
    }
    size_t o = (size_t) f * h * w;
    grads[o + (size_t) r * w + c] = srrf_gradient_point(frames + o, h, w, r, c, geo);
}

// One work group per (phase, frame): NanoPyx's per-frame macro-pixel means.
__kernel void srrf_phase_means(__global const float* frames, __global const float2* grads, const int h, const int w,
        const int m, const int geo, const int margin, __global const float* ring, const float radius,
        const int positivity, const int weighting, __global float* means) {
    __local double scratch[SRRF_GROUP];
    srrf_phase_mean(get_group_id(0), get_global_id(1), get_local_id(0), SRRF_GROUP, scratch, frames, grads, h, w, m,
            geo, margin, ring, radius, positivity, weighting, means);
}

// Work item (i, j) accumulates output pixel (j, i) over the chunk's frames.
__kernel void srrf_accumulate(__global const float* frames, __global const float2* grads, const int frameCount,
        const int firstFrame, const int h, const int w, const int m, const int geo, const int margin,
        __global const float* ring, const float radius, const int positivity, const int weighting, const int divide,
        __global const float* means, const int stat, __global double* acc, __global float* recent,
        __global float* shift) {
    srrf_accumulate_pixel(get_global_id(0), get_global_id(1), frames, grads, frameCount, firstFrame, h, w, m, geo,
            margin, ring, radius, positivity, weighting, divide, means, stat, acc, recent, shift);
}

// The statistic of the time point's frames from the running sums.
__kernel void srrf_finish(__global const double* acc, const int pixels, const int frames, const int stat,
        const int geo, __global float* out) {
    srrf_finish_pixel(get_global_id(0), pixels, frames, stat, geo, acc, out);
}
