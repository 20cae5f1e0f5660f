// Experimental CUDA RGC kernels for eSRRF, never faster than esrrf_rgc (methods' esrrf.cu) on the H100 but kept
// to re-measure on other GPUs (flowscope-bench esrrf-proof --cuda-kernels). Same device functions as the product
// (esrrf_device.h from methods, nvcc -I); same lattice and finish kernels (loaded from methods' esrrf.ptx).
// Compiled ahead of time:
//   nvcc -ptx -arch=compute_80 -I ../../../../../../../../methods/src/main/resources/org/flowscope/methods/esrrf \
//        -o esrrf_experimental.ptx esrrf_experimental.cu

#include "esrrf_device.h"

// Thread (j, i) computes output pixel (i, j): a warp covers 32 neighbouring output pixels of mixed phases, whose
// lattice windows overlap, so each lattice load touches one or two cache lines instead of four.
extern "C" __global__ void esrrf_rgc_by_pixel(const float* __restrict__ frames, const float2* __restrict__ lattice,
        int frameCount, int firstFrame, int h, int w, int m, int margin, int kMin, int kyMax, int kxMax,
        const int* __restrict__ baseY, const int* __restrict__ baseX, const unsigned char* __restrict__ insideY,
        const unsigned char* __restrict__ insideX, const int* __restrict__ start, const int* __restrict__ djdi,
        const float4* __restrict__ samples, const float* __restrict__ wsum,
        const int* __restrict__ tapY, const float* __restrict__ wY, const int* __restrict__ tapX,
        const float* __restrict__ wX, float sensitivity, int weighting, int stat,
        double* __restrict__ sum, double* __restrict__ second, float* __restrict__ first, float* __restrict__ last) {
    const int j = blockIdx.x * blockDim.x + threadIdx.x;
    esrrf_rgc_pixel(blockIdx.y * blockDim.y + threadIdx.y, j, j % m, frames, lattice, frameCount, firstFrame, h, w, m,
            margin, kMin, kyMax, kxMax, baseY, baseX, insideY, insideX, start, djdi, samples, wsum, tapY, wY, tapX,
            wX, sensitivity, weighting, stat, sum, second, first, last);
}

// As esrrf_rgc, with each frame's lattice window of the block staged in shared memory: the block's 32 x 4 threads
// (one column phase sx = blockIdx.z) read about tileRows x tileCols lattice points ~48 times each.
// samples[k].w holds the sample's offset for a row length of tileCols. Border pixels read the lattice directly.
extern "C" __global__ void esrrf_rgc_tiled(const float* __restrict__ frames, const float2* __restrict__ lattice,
        int frameCount, int firstFrame, int h, int w, int m, int margin, int kMin, int kyMax, int kxMax,
        const int* __restrict__ baseY, const int* __restrict__ baseX, const unsigned char* __restrict__ insideY,
        const unsigned char* __restrict__ insideX, const int* __restrict__ start, const int* __restrict__ djdi,
        const float4* __restrict__ samples, const float* __restrict__ wsum,
        const int* __restrict__ tapY, const float* __restrict__ wY, const int* __restrict__ tapX,
        const float* __restrict__ wX, float sensitivity, int weighting, int stat,
        double* __restrict__ sum, double* __restrict__ second, float* __restrict__ first, float* __restrict__ last,
        int tileRows, int tileCols) {
    extern __shared__ float2 tile[];
    const int q = blockIdx.x * blockDim.x + threadIdx.x;
    const int i = blockIdx.y * blockDim.y + threadIdx.y;
    const int sx = blockIdx.z;
    const int hm = h * m;
    const int wm = w * m;
    const bool active = i < hm && q < w;
    const int lw = 2 * w + 1;
    const size_t latticeSize = (size_t) (2 * h + 1) * lw;
    // the block's lattice window starts at its first row's and first column's sample window
    const int i0 = blockIdx.y * blockDim.y;
    const int j0 = (blockIdx.x * blockDim.x) * m + sx;
    const int tileY0 = baseY[min(i0, hm - 1)];
    const int tileX0 = baseX[min(j0, wm - 1)];
    const int j = q * m + sx;
    const int ii = min(i, hm - 1);
    const int jj = min(j, wm - 1);
    const size_t o = (size_t) ii * wm + jj;
    const bool margins = !active || i < margin || i >= hm - margin || j < margin || j >= wm - margin;
    const int ph = (ii % m) * m + sx;
    const int by = baseY[ii];
    const int bx = baseX[jj];
    const bool interior = active && insideY[ii] && insideX[jj];
    const int s0 = start[ph];
    const int s1 = start[ph + 1];
    const float wsumPh = wsum[ph];
    const int tileBase = (by - tileY0) * tileCols + (bx - tileX0);
    const esrrf_taps taps = esrrf_taps_of(ii, jj, w, tapY, wY, tapX, wX);
    esrrf_sums a = esrrf_sums_resume(active ? firstFrame : 0, stat, o, sum, second, first, last);
    const int threads = blockDim.x * blockDim.y;
    const int tid = threadIdx.y * blockDim.x + threadIdx.x;
    const int tileSize = tileRows * tileCols;
    for (int f = 0; f < frameCount; f++) {
        const float2* lat = lattice + (size_t) f * latticeSize;
        __syncthreads();
        for (int t = tid; t < tileSize; t += threads) {
            // the window may start before the lattice (negative base) or run past it: clamp, only interior
            // pixels read the tile and theirs lie inside
            int r = min(max(tileY0 + t / tileCols, 0), 2 * h);
            int c = min(max(tileX0 + t % tileCols, 0), 2 * w);
            tile[t] = __ldg(lat + r * lw + c);
        }
        __syncthreads();
        float v = 0.0f;
        if (!margins) {
            float acc = 0.0f;
            float ws = wsumPh;
            if (interior) {
                const float2* base = tile + tileBase;
#pragma unroll 4
                for (int k = s0; k < s1; k++) {
                    float4 sm = __ldg(samples + k);
                    acc += esrrf_rgc_term(base[__float_as_int(sm.w)], sm);
                }
            } else {
                float2 b = esrrf_rgc_border(lat, by, bx, s0, s1, djdi, samples, h, w, kMin, kyMax, kxMax);
                acc = b.x;
                ws = b.y;
            }
            float rgc = esrrf_rgc_value(acc, ws, sensitivity);
            if (weighting) {
                rgc *= esrrf_intensity(frames + (size_t) f * h * w, &taps);
            }
            v = rgc;
        }
        esrrf_sums_add(&a, stat, firstFrame + f, v);
    }
    if (!active) {
        return;
    }
    esrrf_sums_store(&a, stat, o, sum, second, first, last);
}
