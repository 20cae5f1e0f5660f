// eSRRF, fused: gradient lattice per frame, then per output pixel RGC + intensity weighting + running temporal
// sums over all frames of a chunk, kept in registers and folded into device-resident accumulators. The device
// functions are in esrrf_device.h, shared with esrrf.cu; these kernels map work items to pixels. Argument lists
// are bound from the records in EsrrfKernelArgs (EsrrfKernelSignatureTest checks them against this file).

#pragma OPENCL EXTENSION cl_khr_fp64 : enable

#include "esrrf_device.h"

// One unit gradient per lattice point (k, l), k in 0..2h, l in 0..2w, for every frame of the chunk.
__kernel void esrrf_lattice(__global const float* frames, __global float2* lattice, const int h, const int w,
        const int m, const int geo) {
    esrrf_lattice_point(frames, lattice, h, w, m, geo, 0.0f, 0.0f, get_global_id(0), get_global_id(1),
            get_global_id(2));
}

// Work item (q, i, sx) computes output pixel (i, q M + sx): the items of a row of a work group share one sub-pixel
// phase, hence one sample table (uniform loads), and read lattice columns two apart.
__kernel void esrrf_rgc(__global const float* frames, __global const float2* lattice, const int frameCount,
        const int firstFrame, const int h, const int w, const int m, const int margin,
        const int kMin, const int kyMax, const int kxMax,
        __global const int* baseY, __global const int* baseX, __global const uchar* insideY,
        __global const uchar* insideX, __global const int* start, __global const int* djdi,
        __global const float4* samples, __global const float* wsum,
        __global const int* tapY, __global const float* wY, __global const int* tapX, __global const float* wX,
        const float sensitivity, const int weighting, const int stat,
        __global double* sum, __global double* second, __global float* first, __global float* last) {
    const int q = get_global_id(0);
    const int sx = get_global_id(2);
    esrrf_rgc_pixel(get_global_id(1), q < w ? q * m + sx : w * m, sx, frames, lattice, frameCount, firstFrame, h, w,
            m, margin, kMin, kyMax, kxMax, baseY, baseX, insideY, insideX, start, djdi, samples, wsum, tapY, wY, tapX,
            wX, sensitivity, weighting, stat, sum, second, first, last);
}

// The statistic of T frames from the running sums.
__kernel void esrrf_finish(__global const double* sum, __global const double* second, __global const float* first,
        __global const float* last, const int n, const int frames, const int stat, __global float* out) {
    esrrf_finish_pixel(get_global_id(0), sum, second, first, last, n, frames, stat, out);
}
