// Classic NLM, one thread per output pixel; grid (ceil(w/bx), ceil(h/by), frames). The device function is in
// nlm_device.h, shared with nlm.cl. Arguments: NlmKernel. Compiled ahead of time:
//   nvcc -ptx -arch=compute_80 -o nlm.ptx nlm.cu
#include "nlm_device.h"

extern "C" __global__ void nlm(const float* __restrict__ padded, float* __restrict__ out,
        const float* __restrict__ weights, int h, int w, int s, int d, float var) {
    nlm_pixel(padded, out, weights, h, w, s, d, var, blockIdx.x * blockDim.x + threadIdx.x,
            blockIdx.y * blockDim.y + threadIdx.y, blockIdx.z);
}
