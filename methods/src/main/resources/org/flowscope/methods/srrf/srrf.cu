// SRRF, fused, CUDA twin of srrf.cl: the device functions are in srrf_device.h, shared with it; these kernels map
// threads to pixels. Argument lists are bound from the records in SrrfKernels (SrrfKernelSignatureTest checks them
// against this file). Compiled ahead of time: nvcc -ptx -arch=compute_80 -o srrf.ptx srrf.cu (nvcc's float division
// and square root are correctly rounded by default, as the ring positions need).

#include "srrf_device.h"

#define SRRF_GROUP 256

extern "C" __global__ void srrf_gradients(const float* __restrict__ frames, float2* __restrict__ grads, int h, int w,
        int geo) {
    const int c = blockIdx.x * blockDim.x + threadIdx.x;
    const int r = blockIdx.y * blockDim.y + threadIdx.y;
    const int f = blockIdx.z;
    if (c >= w || r >= h) {
        return;
    }
    size_t o = (size_t) f * h * w;
    grads[o + (size_t) r * w + c] = srrf_gradient_point(frames + o, h, w, r, c, geo);
}

// One block of SRRF_GROUP threads per (phase, frame).
extern "C" __global__ void srrf_phase_means(const float* __restrict__ frames, const float2* __restrict__ grads, int h,
        int w, int m, int geo, int margin, const float* __restrict__ ring, float radius, int positivity, int weighting,
        float* __restrict__ means) {
    __shared__ double scratch[SRRF_GROUP];
    srrf_phase_mean(blockIdx.x, blockIdx.y, threadIdx.x, SRRF_GROUP, scratch, frames, grads, h, w, m, geo, margin,
            ring, radius, positivity, weighting, means);
}

extern "C" __global__ void srrf_accumulate(const float* __restrict__ frames, const float2* __restrict__ grads,
        int frameCount, int firstFrame, int h, int w, int m, int geo, int margin, const float* __restrict__ ring,
        float radius, int positivity, int weighting, int divide, const float* __restrict__ means, int stat,
        double* __restrict__ acc, float* __restrict__ recent, float* __restrict__ shift) {
    srrf_accumulate_pixel(blockIdx.x * blockDim.x + threadIdx.x, blockIdx.y * blockDim.y + threadIdx.y, frames, grads,
            frameCount, firstFrame, h, w, m, geo, margin, ring, radius, positivity, weighting, divide, means, stat, acc,
            recent, shift);
}

extern "C" __global__ void srrf_finish(const double* __restrict__ acc, int pixels, int frames, int stat, int geo,
        float* __restrict__ out) {
    srrf_finish_pixel(blockIdx.x * blockDim.x + threadIdx.x, pixels, frames, stat, geo, acc, out);
}
