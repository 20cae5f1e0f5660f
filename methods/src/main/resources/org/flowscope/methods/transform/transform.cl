// Shift, scale and rotate, one work item per output pixel; global size (ceil(w), ceil(h), frames). The device
// functions are in transform_device.h, shared with transform.cu.
#include "transform_device.h"

__kernel void transform(__global const float* in, __global float* out, __global const float* au,
        __global const float* cu, __global const float* bv, __global const float* dv, const int h, const int w,
        const float cr, const float cc, const int kind, const int border, const int norm) {
    transform_pixel(in, out, au, cu, bv, dv, h, w, cr, cc, kind, border, norm, get_global_id(0), get_global_id(1),
            get_global_id(2));
}
