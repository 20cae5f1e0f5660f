// Correlation with clamped borders, one work item per output pixel; global size (ceil(w), ceil(h), frames).
// The device function is in conv2d_device.h, shared with conv2d.cu; the weights sit in constant memory.
#include "conv2d_device.h"

__kernel void conv2d(__global const float* in, __global float* out, __constant float* weights,
        const int h, const int w, const int kh, const int kw) {
    conv2d_pixel(in, out, weights, h, w, kh, kw, get_global_id(0), get_global_id(1), get_global_id(2));
}
