// Fourier magnification around the device FFTs (see magnify_fourier.cl). Compiled ahead of time:
//   nvcc -ptx -arch=compute_80 -o magnify_fourier.ptx magnify_fourier.cu
#include "magnify_fourier_device.h"

#define FM_GID(d) ((d) == 0 ? (int) (blockIdx.x * blockDim.x + threadIdx.x) : (int) (blockIdx.y * blockDim.y + threadIdx.y))

extern "C" __global__ void fm_zero(double* a, int n) {
    fm_zero_item(a, n, FM_GID(0));
}

extern "C" __global__ void fm_place_nanopyx(const double* __restrict__ spec, int p, double* __restrict__ grid, int big) {
    fm_place_nanopyx_item(spec, p, grid, big, FM_GID(0), FM_GID(1));
}

extern "C" __global__ void fm_place_centred(const double* __restrict__ spec, int p, double* __restrict__ grid, int big,
        const int* __restrict__ countY, const int* __restrict__ targetY, const double* __restrict__ factorY,
        const int* __restrict__ countX, const int* __restrict__ targetX, const double* __restrict__ factorX) {
    fm_place_centred_item(spec, p, grid, big, countY, targetY, factorY, countX, targetX, factorX, FM_GID(0), FM_GID(1));
}

extern "C" __global__ void fm_real(const double* __restrict__ grid, int n, double gain, float* __restrict__ out) {
    fm_real_item(grid, n, gain, out, FM_GID(0));
}
