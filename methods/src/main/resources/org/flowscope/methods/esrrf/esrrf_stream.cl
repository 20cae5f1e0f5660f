// Streaming eSRRF (EsrrfStreamOpenCl): one camera frame at a time, converted and read with its drift undone on the
// device, its map added to a run's running sums by esrrf_rgc of esrrf.cl; windows joined from runs, finished by
// esrrf_finish and macro-pixel corrected here. Device functions in esrrf_device.h (shared with esrrf_stream.cu);
// argument lists are the records of EsrrfStreamKernels (EsrrfStreamKernelSignatureTest checks them).

#pragma OPENCL EXTENSION cl_khr_fp64 : enable

#include "esrrf_device.h"

// A 16-bit camera frame as it came off the wire, to floats (unsigned values unchanged).
__kernel void esrrf_u16_in(__global const ushort* raw, __global float* frame, const int n) {
    const int p = get_global_id(0);
    if (p < n) {
        frame[p] = (float) raw[p];
    }
}

// An 8-bit camera frame to floats.
__kernel void esrrf_u8_in(__global const uchar* raw, __global float* frame, const int n) {
    const int p = get_global_id(0);
    if (p < n) {
        frame[p] = (float) raw[p];
    }
}

// The unit gradient lattice of one frame read (sx, sy) away (its drift undone).
__kernel void esrrf_lattice_shifted(__global const float* frame, __global float2* lattice, const int h, const int w,
        const int m, const int geo, const float sx, const float sy) {
    esrrf_lattice_point(frame, lattice, h, w, m, geo, sx, sy, get_global_id(0), get_global_id(1), 0);
}

// The magnification's taps for one frame read (sx, sy) away: work item i sets output row i and column i.
__kernel void esrrf_taps_shifted(__global int* tapY, __global float* wY, __global int* tapX, __global float* wX,
        const int h, const int w, const int m, const int geo, const float sx, const float sy) {
    const int i = get_global_id(0);
    if (i < h * m) {
        esrrf_axis_taps(i, h, m, geo, sy, tapY, wY);
    }
    if (i < w * m) {
        esrrf_axis_taps(i, w, m, geo, sx, tapX, wX);
    }
}

// Run b's sums appended to run a's (a = a then b).
__kernel void esrrf_join(__global double* sum, __global double* second, __global float* first, __global float* last,
        __global const double* sum2, __global const double* second2, __global const float* first2,
        __global const float* last2, const int n, const int stat) {
    esrrf_join_pixel(get_global_id(0), n, stat, sum, second, first, last, sum2, second2, first2, last2);
}

__kernel void esrrf_phase_columns(__global const float* img, const int hm, const int wm, const int m,
        __global double* partial) {
    esrrf_phase_column(get_global_id(0), img, hm, wm, m, partial);
}

__kernel void esrrf_phase_means(__global const double* partial, const int hm, const int wm, const int m,
        __global float* means) {
    esrrf_phase_mean(get_global_id(0), partial, hm, wm, m, means);
}

__kernel void esrrf_phase_divide(__global float* img, const int hm, const int wm, const int m,
        __global const float* means) {
    esrrf_phase_divide_pixel(get_global_id(0), img, hm, wm, m, means);
}
