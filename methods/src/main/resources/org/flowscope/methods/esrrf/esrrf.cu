// eSRRF, fused, CUDA twin of esrrf.cl: the device functions are in esrrf_device.h, shared with it; these kernels
// map threads to pixels. Argument lists are bound from the records in EsrrfKernelArgs (EsrrfKernelSignatureTest
// checks them against this file). Compiled ahead of time: nvcc -ptx -arch=compute_80 -o esrrf.ptx esrrf.cu

#include "esrrf_device.h"

extern "C" __global__ void esrrf_lattice(const float* __restrict__ frames, float2* __restrict__ lattice,
        int h, int w, int m, int geo) {
    esrrf_lattice_point(frames, lattice, h, w, m, geo, 0.0f, 0.0f, blockIdx.x * blockDim.x + threadIdx.x,
            blockIdx.y * blockDim.y + threadIdx.y, blockIdx.z);
}

// Thread (q, i, sx) computes output pixel (i, q M + sx): a warp shares one phase, so the sample table loads are
// uniform (broadcast) and the lattice reads are two float2 apart.
extern "C" __global__ void esrrf_rgc(const float* __restrict__ frames, const float2* __restrict__ lattice,
        int frameCount, int firstFrame, int h, int w, int m, int margin, int kMin, int kyMax, int kxMax,
        const int* __restrict__ baseY, const int* __restrict__ baseX, const unsigned char* __restrict__ insideY,
        const unsigned char* __restrict__ insideX, const int* __restrict__ start, const int* __restrict__ djdi,
        const float4* __restrict__ samples, const float* __restrict__ wsum,
        const int* __restrict__ tapY, const float* __restrict__ wY, const int* __restrict__ tapX,
        const float* __restrict__ wX, float sensitivity, int weighting, int stat,
        double* __restrict__ sum, double* __restrict__ second, float* __restrict__ first, float* __restrict__ last) {
    const int q = blockIdx.x * blockDim.x + threadIdx.x;
    const int sx = blockIdx.z;
    esrrf_rgc_pixel(blockIdx.y * blockDim.y + threadIdx.y, q < w ? q * m + sx : w * m, sx, frames, lattice,
            frameCount, firstFrame, h, w, m, margin, kMin, kyMax, kxMax, baseY, baseX, insideY, insideX, start, djdi,
            samples, wsum, tapY, wY, tapX, wX, sensitivity, weighting, stat, sum, second, first, last);
}

extern "C" __global__ void esrrf_finish(const double* __restrict__ sum, const double* __restrict__ second,
        const float* __restrict__ first, const float* __restrict__ last, int n, int frames, int stat,
        float* __restrict__ out) {
    esrrf_finish_pixel(blockIdx.x * blockDim.x + threadIdx.x, sum, second, first, last, n, frames, stat, out);
}
