// Fast NLM, one thread per output pixel; grid (ceil(w/bx), ceil(h/by), frames). The device function is in
// nlm_fast_device.h, shared with nlm_fast.cl. Arguments: NlmFastKernel. Compiled ahead of time:
//   nvcc -ptx -arch=compute_80 -o nlm_fast.ptx nlm_fast.cu
#include "nlm_fast_device.h"

extern "C" __global__ void nlm_fast(const float* __restrict__ padded, float* __restrict__ out, int h, int w, int s,
        int d, float var, float h2s2, float cutoff) {
    nlm_fast_pixel(padded, out, h, w, s, d, var, h2s2, cutoff, blockIdx.x * blockDim.x + threadIdx.x,
            blockIdx.y * blockDim.y + threadIdx.y, blockIdx.z);
}
