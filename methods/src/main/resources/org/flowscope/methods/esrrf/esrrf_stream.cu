// Streaming eSRRF, CUDA twin of esrrf_stream.cl (EsrrfStreamCuda): one camera frame at a time, converted and read
// with its drift undone on the device; runs joined into windows, macro-pixel corrected here. Device functions in
// esrrf_device.h; argument lists are the records of EsrrfStreamKernels (EsrrfStreamKernelSignatureTest checks them).
// Compiled ahead of time: nvcc -ptx -arch=compute_80 -o esrrf_stream.ptx esrrf_stream.cu

#include "esrrf_device.h"

extern "C" __global__ void esrrf_u16_in(const unsigned short* __restrict__ raw, float* __restrict__ frame, int n) {
    const int p = blockIdx.x * blockDim.x + threadIdx.x;
    if (p < n) {
        frame[p] = (float) raw[p];
    }
}

extern "C" __global__ void esrrf_u8_in(const unsigned char* __restrict__ raw, float* __restrict__ frame, int n) {
    const int p = blockIdx.x * blockDim.x + threadIdx.x;
    if (p < n) {
        frame[p] = (float) raw[p];
    }
}

extern "C" __global__ void esrrf_lattice_shifted(const float* __restrict__ frame, float2* __restrict__ lattice, int h,
        int w, int m, int geo, float sx, float sy) {
    esrrf_lattice_point(frame, lattice, h, w, m, geo, sx, sy, blockIdx.x * blockDim.x + threadIdx.x,
            blockIdx.y * blockDim.y + threadIdx.y, 0);
}

extern "C" __global__ void esrrf_taps_shifted(int* __restrict__ tapY, float* __restrict__ wY, int* __restrict__ tapX,
        float* __restrict__ wX, int h, int w, int m, int geo, float sx, float sy) {
    const int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < h * m) {
        esrrf_axis_taps(i, h, m, geo, sy, tapY, wY);
    }
    if (i < w * m) {
        esrrf_axis_taps(i, w, m, geo, sx, tapX, wX);
    }
}

extern "C" __global__ void esrrf_join(double* __restrict__ sum, double* __restrict__ second, float* __restrict__ first,
        float* __restrict__ last, const double* __restrict__ sum2, const double* __restrict__ second2,
        const float* __restrict__ first2, const float* __restrict__ last2, int n, int stat) {
    esrrf_join_pixel(blockIdx.x * blockDim.x + threadIdx.x, n, stat, sum, second, first, last, sum2, second2, first2,
            last2);
}

extern "C" __global__ void esrrf_phase_columns(const float* __restrict__ img, int hm, int wm, int m,
        double* __restrict__ partial) {
    esrrf_phase_column(blockIdx.x * blockDim.x + threadIdx.x, img, hm, wm, m, partial);
}

extern "C" __global__ void esrrf_phase_means(const double* __restrict__ partial, int hm, int wm, int m,
        float* __restrict__ means) {
    esrrf_phase_mean(blockIdx.x * blockDim.x + threadIdx.x, partial, hm, wm, m, means);
}

extern "C" __global__ void esrrf_phase_divide(float* __restrict__ img, int hm, int wm, int m,
        const float* __restrict__ means) {
    esrrf_phase_divide_pixel(blockIdx.x * blockDim.x + threadIdx.x, img, hm, wm, m, means);
}
