// Shift, scale and rotate, one thread per output pixel; grid (ceil(w/bx), ceil(h/by), frames). The device functions
// are in transform_device.h, shared with transform.cl. Compiled ahead of time:
//   nvcc -ptx -arch=compute_80 -o transform.ptx transform.cu
#include "transform_device.h"

extern "C" __global__ void transform(const float* __restrict__ in, float* __restrict__ out,
        const float* __restrict__ au, const float* __restrict__ cu, const float* __restrict__ bv,
        const float* __restrict__ dv, int h, int w, float cr, float cc, int kind, int border, int norm) {
    transform_pixel(in, out, au, cu, bv, dv, h, w, cr, cc, kind, border, norm, blockIdx.x * blockDim.x + threadIdx.x,
            blockIdx.y * blockDim.y + threadIdx.y, blockIdx.z);
}
