// Shift and magnify, one work item per output pixel; global size (ceil(wm), ceil(hm), frames). The device function
// is in magnify_device.h, shared with magnify.cu; the tap tables come from AxisTaps.java.
#include "magnify_device.h"

__kernel void magnify(__global const float* in, __global float* out, __global const int* tapY,
        __global const float* wY, __global const int* tapX, __global const float* wX, const int h, const int w,
        const int hm, const int wm, const int taps) {
    magnify_pixel(in, out, tapY, wY, tapX, wX, h, w, hm, wm, taps, get_global_id(0), get_global_id(1),
            get_global_id(2));
}
