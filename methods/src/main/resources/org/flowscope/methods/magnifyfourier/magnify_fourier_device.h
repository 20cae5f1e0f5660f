// Fourier magnification device functions, written once for magnify_fourier.cl (OpenCL) and magnify_fourier.cu
// (CUDA): the spectral placement around the device FFTs (methods/gpu/GpuFft) and the real plane, the work of
// FourierPlanes.Cpu (Java) on the device. Complex data are interleaved doubles (re, im), row-major.
#ifndef FLOWSCOPE_MAGNIFY_FOURIER_DEVICE_H
#define FLOWSCOPE_MAGNIFY_FOURIER_DEVICE_H

#include "../kernel_compat.h"

// a[i] = 0 for i < n (doubles)
DEVFN void fm_zero_item(GLOBAL_MEM double* a, int n, int i) {
    if (i < n) {
        a[i] = 0.0;
    }
}

// NanoPyx's placement of bin (ky, kx) of the half spectrum: rows 0..ceil(p/2)-1 at the top, the rest at the bottom of
// the big grid. Re(ifft2) of the result with the columns 0 < kx < big/2 doubled is NumPy's irfft2 of the half spectrum
// (the Hermitian partner of a doubled column adds the same real part; a DC column's imaginary part adds none).
DEVFN void fm_place_nanopyx_item(GLOBAL_MEM const double* RESTRICT spec, int p, GLOBAL_MEM double* RESTRICT grid,
        int big, int kx, int ky) {
    if (kx > p / 2 || ky >= p) {
        return;
    }
    const int top = (p + 1) / 2;
    const int dst = ky < top ? ky : big - (p - ky);
    const double f = kx > 0 && 2 * kx < big ? 2.0 : 1.0;
    const size_t s = 2 * ((size_t) ky * p + kx);
    const size_t t = 2 * ((size_t) dst * big + kx);
    grid[t] = spec[s] * f;
    grid[t + 1] = spec[s + 1] * f;
}

// The centred placement of bin (ky, kx): to each target of its row (1, or 2 for a Nyquist bin) and of its column, times
// the row's and the column's phase factor (FourierPlanes.Placement: entry (k, a) at 2k + a, factors interleaved).
// Distinct bins never share a target, so one work item per bin adds without races.
DEVFN void fm_place_centred_item(GLOBAL_MEM const double* RESTRICT spec, int p, GLOBAL_MEM double* RESTRICT grid,
        int big, GLOBAL_MEM const int* RESTRICT countY, GLOBAL_MEM const int* RESTRICT targetY,
        GLOBAL_MEM const double* RESTRICT factorY, GLOBAL_MEM const int* RESTRICT countX,
        GLOBAL_MEM const int* RESTRICT targetX, GLOBAL_MEM const double* RESTRICT factorX, int kx, int ky) {
    if (kx >= p || ky >= p) {
        return;
    }
    const size_t s = 2 * ((size_t) ky * p + kx);
    const double re0 = spec[s];
    const double im0 = spec[s + 1];
    for (int a = 0; a < countY[ky]; a++) {
        const int ey = 2 * ky + a;
        const double ry = factorY[2 * ey];
        const double iy = factorY[2 * ey + 1];
        const double re1 = re0 * ry - im0 * iy;
        const double im1 = re0 * iy + im0 * ry;
        for (int b = 0; b < countX[kx]; b++) {
            const int ex = 2 * kx + b;
            const double rx = factorX[2 * ex];
            const double ix = factorX[2 * ex + 1];
            const size_t t = 2 * ((size_t) targetY[ey] * big + targetX[ex]);
            grid[t] += re1 * rx - im1 * ix;
            grid[t + 1] += re1 * ix + im1 * rx;
        }
    }
}

// out[i] = float(Re(grid[i]) * gain) for i < n
DEVFN void fm_real_item(GLOBAL_MEM const double* RESTRICT grid, int n, double gain, GLOBAL_MEM float* RESTRICT out,
        int i) {
    if (i < n) {
        out[i] = (float) (grid[2 * (size_t) i] * gain);
    }
}

#endif
