// Fourier magnification around the device FFTs: placement of the spectrum on the zero-padded grid and the real plane.
// One work item per element; the device functions are in magnify_fourier_device.h, shared with magnify_fourier.cu.
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#include "magnify_fourier_device.h"

__kernel void fm_zero(__global double* a, const int n) {
    fm_zero_item(a, n, get_global_id(0));
}

__kernel void fm_place_nanopyx(__global const double* spec, const int p, __global double* grid, const int big) {
    fm_place_nanopyx_item(spec, p, grid, big, get_global_id(0), get_global_id(1));
}

__kernel void fm_place_centred(__global const double* spec, const int p, __global double* grid, const int big,
        __global const int* countY, __global const int* targetY, __global const double* factorY,
        __global const int* countX, __global const int* targetX, __global const double* factorX) {
    fm_place_centred_item(spec, p, grid, big, countY, targetY, factorY, countX, targetX, factorX, get_global_id(0),
            get_global_id(1));
}

__kernel void fm_real(__global const double* grid, const int n, const double gain, __global float* out) {
    fm_real_item(grid, n, gain, out, get_global_id(0));
}
