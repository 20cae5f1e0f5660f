// eSRRF 3-D, fused, CUDA twin of esrrf3d.cl: the device functions are in esrrf3d_device.h, shared with it; these
// kernels map threads to voxels. Argument lists are bound from the records in Esrrf3dKernels
// (Esrrf3dKernelSignatureTest checks them against this file). Compiled ahead of time:
// nvcc -ptx -arch=compute_80 -o esrrf3d.ptx esrrf3d.cu

#include "esrrf3d_device.h"

// Thread (x, y, s + z f): input voxel (s, y, x) of frame f of the chunk.
extern "C" __global__ void esrrf3d_prepare(const float* __restrict__ frames, float4* __restrict__ vol, int frameCount,
        int z, int h, int w, int geo) {
    if ((int) blockIdx.z < z * frameCount) {
        esrrf3d_prepare_voxel(frames, vol, z, h, w, geo, blockIdx.x * blockDim.x + threadIdx.x,
                blockIdx.y * blockDim.y + threadIdx.y, blockIdx.z);
    }
}

// Thread (c, r, sm + zm f): output voxel (sm, r, c) of frame f of the chunk.
extern "C" __global__ void esrrf3d_magnify(const float4* __restrict__ vol, float4* __restrict__ mag, int frameCount,
        int z, int h, int w, int zm, int hm, int wm, const int* __restrict__ tapY, const double* __restrict__ wY,
        const int* __restrict__ tapX, const double* __restrict__ wX, const int* __restrict__ tapZ,
        const double* __restrict__ wZ) {
    if ((int) blockIdx.z < zm * frameCount) {
        esrrf3d_magnify_voxel(vol, mag, z, h, w, zm, hm, wm, tapY, wY, tapX, wX, tapZ, wZ,
                blockIdx.x * blockDim.x + threadIdx.x, blockIdx.y * blockDim.y + threadIdx.y, blockIdx.z);
    }
}

// Thread (c, r, s): output voxel (s, r, c), every frame of the chunk.
extern "C" __global__ void esrrf3d_rgc(const float4* __restrict__ mag, int frameCount, int firstFrame, int zm, int hm,
        int wm, int geo, int marginXy, int marginZ, int ny, const int* __restrict__ idxY, const float* __restrict__ dY,
        int nx, const int* __restrict__ idxX, const float* __restrict__ dX, int nz, const int* __restrict__ idxZ,
        const float* __restrict__ dZ, const float* __restrict__ gaussZ, float tSS, float tSO, float tSOz,
        float sensitivity, int weighting, double* __restrict__ mean, double* __restrict__ m2) {
    esrrf3d_rgc_voxel(mag, frameCount, firstFrame, zm, hm, wm, geo, marginXy, marginZ, ny, idxY, dY, nx, idxX, dX, nz,
            idxZ, dZ, gaussZ, tSS, tSO, tSOz, sensitivity, weighting, mean, m2, blockIdx.x * blockDim.x + threadIdx.x,
            blockIdx.y * blockDim.y + threadIdx.y, blockIdx.z);
}

// The mean or standard deviation of a time point of `frames` frames.
extern "C" __global__ void esrrf3d_finish(const double* __restrict__ mean, const double* __restrict__ m2, int n,
        int frames, int temporal, float* __restrict__ out) {
    esrrf3d_finish_voxel(mean, m2, n, frames, temporal, out, blockIdx.x * blockDim.x + threadIdx.x);
}
