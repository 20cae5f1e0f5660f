// eSRRF 3-D, fused: per chunk of frames, intensity and gradients of every input voxel, their magnification onto the
// output grid, then per output voxel RGC, intensity weighting and the running mean and M2 over the frames (Welford, in
// double), kept on the device until the time point is finished. The device functions are in esrrf3d_device.h, shared
// with esrrf3d.cu; these kernels map work items to voxels. Argument lists are bound from the records in
// Esrrf3dKernels (Esrrf3dKernelSignatureTest checks them against this file).

#pragma OPENCL EXTENSION cl_khr_fp64 : enable

#include "esrrf3d_device.h"

// Work item (x, y, s + z f): input voxel (s, y, x) of frame f of the chunk.
__kernel void esrrf3d_prepare(__global const float* frames, __global float4* vol, const int frameCount, const int z,
        const int h, const int w, const int geo) {
    if ((int) get_global_id(2) < z * frameCount) {
        esrrf3d_prepare_voxel(frames, vol, z, h, w, geo, get_global_id(0), get_global_id(1), get_global_id(2));
    }
}

// Work item (c, r, sm + zm f): output voxel (sm, r, c) of frame f of the chunk.
__kernel void esrrf3d_magnify(__global const float4* vol, __global float4* mag, const int frameCount, const int z,
        const int h, const int w, const int zm, const int hm, const int wm, __global const int* tapY,
        __global const double* wY, __global const int* tapX, __global const double* wX, __global const int* tapZ,
        __global const double* wZ) {
    if ((int) get_global_id(2) < zm * frameCount) {
        esrrf3d_magnify_voxel(vol, mag, z, h, w, zm, hm, wm, tapY, wY, tapX, wX, tapZ, wZ, get_global_id(0),
                get_global_id(1), get_global_id(2));
    }
}

// Work item (c, r, s): output voxel (s, r, c), every frame of the chunk.
__kernel void esrrf3d_rgc(__global const float4* mag, const int frameCount, const int firstFrame, const int zm,
        const int hm, const int wm, const int geo, const int marginXy, const int marginZ, const int ny,
        __global const int* idxY, __global const float* dY, const int nx, __global const int* idxX,
        __global const float* dX, const int nz, __global const int* idxZ, __global const float* dZ,
        __global const float* gaussZ, const float tSS, const float tSO, const float tSOz, const float sensitivity,
        const int weighting, __global double* mean, __global double* m2) {
    esrrf3d_rgc_voxel(mag, frameCount, firstFrame, zm, hm, wm, geo, marginXy, marginZ, ny, idxY, dY, nx, idxX, dX, nz,
            idxZ, dZ, gaussZ, tSS, tSO, tSOz, sensitivity, weighting, mean, m2, get_global_id(0), get_global_id(1),
            get_global_id(2));
}

// The mean or standard deviation of a time point of `frames` frames.
__kernel void esrrf3d_finish(__global const double* mean, __global const double* m2, const int n, const int frames,
        const int temporal, __global float* out) {
    esrrf3d_finish_voxel(mean, m2, n, frames, temporal, out, get_global_id(0));
}
