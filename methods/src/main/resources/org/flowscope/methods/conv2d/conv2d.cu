// Correlation with clamped borders, one thread per output pixel; grid (ceil(w/bx), ceil(h/by), frames). The device
// function is in conv2d_device.h, shared with conv2d.cl. Compiled ahead of time:
//   nvcc -ptx -arch=compute_80 -o conv2d.ptx conv2d.cu
#include "conv2d_device.h"

extern "C" __global__ void conv2d(const float* __restrict__ in, float* __restrict__ out,
        const float* __restrict__ weights, int h, int w, int kh, int kw) {
    conv2d_pixel(in, out, weights, h, w, kh, kw, blockIdx.x * blockDim.x + threadIdx.x,
            blockIdx.y * blockDim.y + threadIdx.y, blockIdx.z);
}
