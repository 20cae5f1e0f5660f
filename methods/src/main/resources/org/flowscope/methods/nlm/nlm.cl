// Classic NLM, one work item per output pixel; global size (ceil(w), ceil(h), frames). The device function is in
// nlm_device.h, shared with nlm.cu; the patch weights sit in constant memory. Arguments: NlmKernel.

// the patch distances must not be fused (see nlm_device.h)
#pragma OPENCL FP_CONTRACT OFF

#include "nlm_device.h"

__kernel void nlm(__global const float* padded, __global float* out, __constant float* weights, const int h,
        const int w, const int s, const int d, const float var) {
    nlm_pixel(padded, out, weights, h, w, s, d, var, get_global_id(0), get_global_id(1), get_global_id(2));
}
