// Fast NLM, one work item per output pixel; global size (ceil(w), ceil(h), frames). The device function is in
// nlm_fast_device.h, shared with nlm_fast.cu. Arguments: NlmFastKernel.

// the box sums must not be fused (see nlm_fast_device.h)
#pragma OPENCL FP_CONTRACT OFF

#include "nlm_fast_device.h"

__kernel void nlm_fast(__global const float* padded, __global float* out, const int h, const int w, const int s,
        const int d, const float var, const float h2s2, const float cutoff) {
    nlm_fast_pixel(padded, out, h, w, s, d, var, h2s2, cutoff, get_global_id(0), get_global_id(1), get_global_id(2));
}
