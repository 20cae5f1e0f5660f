// Shift and magnify, one thread per output pixel; grid (ceil(wm/bx), ceil(hm/by), frames). The device function is in
// magnify_device.h, shared with magnify.cl; the tap tables come from AxisTaps.java. Compiled ahead of time:
//   nvcc -ptx -arch=compute_80 -o magnify.ptx magnify.cu
#include "magnify_device.h"

extern "C" __global__ void magnify(const float* __restrict__ in, float* __restrict__ out,
        const int* __restrict__ tapY, const float* __restrict__ wY, const int* __restrict__ tapX,
        const float* __restrict__ wX, int h, int w, int hm, int wm, int taps) {
    magnify_pixel(in, out, tapY, wY, tapX, wX, h, w, hm, wm, taps, blockIdx.x * blockDim.x + threadIdx.x,
            blockIdx.y * blockDim.y + threadIdx.y, blockIdx.z);
}
