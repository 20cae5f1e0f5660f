// eSRRF, fused, CUDA twin of esrrf.cl (same algorithm and tables, see EsrrfPlan / EsrrfFrameKernel).
// Compiled ahead of time: nvcc -ptx -arch=compute_80 -o esrrf.ptx esrrf.cu

#define GEO_NANOPYX 1
#define STAT_AVG 0
#define STAT_VAR 1
#define STAT_TAC2 2

__device__ __forceinline__ float cr_weight(float v) {
    float a = fabsf(v);
    if (a < 1.0f) {
        return a * a * (1.5f * a - 2.5f) + 1.0f;
    }
    if (a < 2.0f) {
        return ((-0.5f * a + 2.5f) * a - 4.0f) * a + 2.0f;
    }
    return 0.0f;
}

__device__ __forceinline__ float2 roberts(const float* __restrict__ img, int h, int w, int a, int b) {
    int r1 = min(a, h - 1);
    int r0 = max(a - 1, 0);
    int c1 = min(b, w - 1);
    int c0 = max(b - 1, 0);
    float p = __ldg(img + r1 * w + c1);
    float q = __ldg(img + r1 * w + c0);
    float u = __ldg(img + r0 * w + c1);
    float v = __ldg(img + r0 * w + c0);
    return make_float2((p - q) + (u - v), (p - u) + (q - v));
}

extern "C" __global__ void esrrf_lattice(const float* __restrict__ frames, float2* __restrict__ lattice,
        int h, int w, int m, int geo) {
    const int l = blockIdx.x * blockDim.x + threadIdx.x;
    const int k = blockIdx.y * blockDim.y + threadIdx.y;
    const int f = blockIdx.z;
    const int lw = 2 * w + 1;
    if (l >= lw || k > 2 * h) {
        return;
    }
    const float* img = frames + (size_t) f * h * w;
    float gx = 0.0f;
    float gy = 0.0f;
    if (geo == GEO_NANOPYX) {
        float y = k < 2 * h ? k / 2.0f : (float) (2 * h * m - 1) / (float) (2 * m);
        float x = l < 2 * w ? l / 2.0f : (float) (2 * w * m - 1) / (float) (2 * m);
        int r0 = (int) floorf(y - 0.5f);
        int c0 = (int) floorf(x - 0.5f);
        for (int jj = 0; jj < 4; jj++) {
            int c = c0 - 1 + jj;
            if (c < 0 || c >= w) {
                continue;
            }
            float px = 0.0f;
            float py = 0.0f;
            for (int ii = 0; ii < 4; ii++) {
                int r = r0 - 1 + ii;
                if (r < 0 || r >= h) {
                    continue;
                }
                float kr = cr_weight(y - (r + 0.5f));
                float2 g = roberts(img, h, w, r, c);
                px += g.x * kr;
                py += g.y * kr;
            }
            float kc = cr_weight(x - (c + 0.5f));
            gx += px * kc;
            gy += py * kc;
        }
    } else {
        float y = k / 2.0f + 0.5f;
        float x = l / 2.0f + 0.5f;
        int r0 = (int) floorf(y - 0.5f);
        int c0 = (int) floorf(x - 0.5f);
        for (int jj = 0; jj < 4; jj++) {
            int c = c0 - 1 + jj;
            int cc = min(max(c, 0), w);
            float px = 0.0f;
            float py = 0.0f;
            for (int ii = 0; ii < 4; ii++) {
                int r = r0 - 1 + ii;
                int rr = min(max(r, 0), h);
                float kr = cr_weight(y - (r + 0.5f));
                float2 g = roberts(img, h, w, rr, cc);
                px += g.x * kr;
                py += g.y * kr;
            }
            float kc = cr_weight(x - (c + 0.5f));
            gx += px * kc;
            gy += py * kc;
        }
    }
    float norm = sqrtf(gx * gx + gy * gy);
    float2 unit = norm > 0.0f ? make_float2(gx / norm, gy / norm) : make_float2(0.0f, 0.0f);
    lattice[(size_t) f * (2 * h + 1) * lw + k * lw + l] = unit;
}

// RGC, intensity weighting and running sums of output pixel (i, j = q M + sx) over the frames of a chunk.
__device__ __forceinline__ void rgc_pixel(int i, int j, int sx, const float* __restrict__ frames, const float2* __restrict__ lattice,
        int frameCount, int firstFrame, int h, int w, int m, int margin, int kMin, int kyMax, int kxMax,
        const int* __restrict__ baseY, const int* __restrict__ baseX, const unsigned char* __restrict__ insideY,
        const unsigned char* __restrict__ insideX, const int* __restrict__ start, const int* __restrict__ offs,
        const int* __restrict__ djdi, const float4* __restrict__ samples, const float* __restrict__ wsum,
        const int* __restrict__ tapY, const float* __restrict__ wY, const int* __restrict__ tapX,
        const float* __restrict__ wX, float sensitivity, int weighting, int stat,
        double* __restrict__ sum, double* __restrict__ second, float* __restrict__ first, float* __restrict__ last) {
    const int hm = h * m;
    const int wm = w * m;
    if (i >= hm || j >= wm) {
        return;
    }
    const int lw = 2 * w + 1;
    const size_t latticeSize = (size_t) (2 * h + 1) * lw;
    const size_t o = (size_t) i * wm + j;
    const bool margins = i < margin || i >= hm - margin || j < margin || j >= wm - margin;
    const int ph = (i % m) * m + sx;
    const int by = baseY[i];
    const int bx = baseX[j];
    const bool interior = insideY[i] && insideX[j];
    const int s0 = start[ph];
    const int s1 = start[ph + 1];
    const float wsumPh = wsum[ph];
    int ty[4];
    float wy[4];
    int tx[4];
    float wx[4];
    for (int t = 0; t < 4; t++) {
        ty[t] = tapY[4 * i + t] * w;
        wy[t] = wY[4 * i + t];
        tx[t] = tapX[4 * j + t];
        wx[t] = wX[4 * j + t];
    }
    double s = 0.0;
    double qq = 0.0;
    float firstV = 0.0f;
    float lastV = 0.0f;
    if (firstFrame > 0) {
        s = sum[o];
        if (stat != STAT_AVG) {
            qq = second[o];
        }
        if (stat == STAT_TAC2) {
            firstV = first[o];
            lastV = last[o];
        }
    }
    for (int f = 0; f < frameCount; f++) {
        float v = 0.0f;
        if (!margins) {
            const float2* lat = lattice + (size_t) f * latticeSize;
            float acc = 0.0f;
            float ws = 0.0f;
            if (interior) {
                const float2* base = lat + by * lw + bx;
                // sample k: (ux, uy, w, lattice offset as int bits); the warp shares k, so the load is uniform
#pragma unroll 4
                for (int k = s0; k < s1; k++) {
                    float4 sm = __ldg(samples + k);
                    float2 g = __ldg(base + __float_as_int(sm.w));
                    float dot = fmaf(g.x, sm.x, g.y * sm.y);
                    float c = fmaf(-sm.z, fabsf(fmaf(g.y, sm.x, -g.x * sm.y)), sm.z);
                    acc += dot < 0.0f ? c : 0.0f;
                }
                ws = wsumPh;
            } else {
                for (int k = s0; k < s1; k++) {
                    int packed = djdi[k];
                    int ky = by + (packed >> 16);
                    int kx = bx + (packed & 0xffff);
                    if (ky < kMin || ky > kyMax || kx < kMin || kx > kxMax) {
                        continue;
                    }
                    float2 g = lat[min(ky, 2 * h) * lw + min(kx, 2 * w)];
                    float4 sm = samples[k];
                    ws += sm.z;
                    float dot = g.x * sm.x + g.y * sm.y;
                    float c = sm.z - sm.z * fabsf(g.y * sm.x - g.x * sm.y);
                    acc += dot < 0.0f ? c : 0.0f;
                }
            }
            float rgc = ws > 0.0f ? acc / ws : 0.0f;
            if (rgc >= 0.0f && sensitivity > 1.0f) {
                rgc = powf(rgc, sensitivity);
            }
            if (rgc < 0.0f) {
                rgc = 0.0f;
            }
            if (weighting) {
                const float* img = frames + (size_t) f * h * w;
                float in = 0.0f;
                for (int t = 0; t < 4; t++) {
                    const float* row = img + ty[t];
                    float r = __ldg(row + tx[0]) * wx[0] + __ldg(row + tx[1]) * wx[1] + __ldg(row + tx[2]) * wx[2]
                            + __ldg(row + tx[3]) * wx[3];
                    in += r * wy[t];
                }
                rgc *= in;
            }
            v = rgc;
        }
        s += v;
        if (stat == STAT_VAR) {
            qq += (double) v * v;
        } else if (stat == STAT_TAC2) {
            if (firstFrame + f == 0) {
                firstV = v;
            } else {
                qq += (double) lastV * v;
            }
            lastV = v;
        }
    }
    sum[o] = s;
    if (stat != STAT_AVG) {
        second[o] = qq;
    }
    if (stat == STAT_TAC2) {
        first[o] = firstV;
        last[o] = lastV;
    }
}

// Thread (q, i, sx) computes output pixel (i, q M + sx): a warp shares one phase, so the sample table loads are
// uniform (broadcast) and the lattice reads are two float2 apart.
extern "C" __global__ void esrrf_rgc(const float* __restrict__ frames, const float2* __restrict__ lattice,
        int frameCount, int firstFrame, int h, int w, int m, int margin, int kMin, int kyMax, int kxMax,
        const int* __restrict__ baseY, const int* __restrict__ baseX, const unsigned char* __restrict__ insideY,
        const unsigned char* __restrict__ insideX, const int* __restrict__ start, const int* __restrict__ offs,
        const int* __restrict__ djdi, const float4* __restrict__ samples, const float* __restrict__ wsum,
        const int* __restrict__ tapY, const float* __restrict__ wY, const int* __restrict__ tapX,
        const float* __restrict__ wX, float sensitivity, int weighting, int stat,
        double* __restrict__ sum, double* __restrict__ second, float* __restrict__ first, float* __restrict__ last) {
    const int q = blockIdx.x * blockDim.x + threadIdx.x;
    const int sx = blockIdx.z;
    rgc_pixel(blockIdx.y * blockDim.y + threadIdx.y, q < w ? q * m + sx : w * m, sx, frames, lattice, frameCount,
            firstFrame, h, w, m, margin, kMin, kyMax, kxMax, baseY, baseX, insideY, insideX, start, offs, djdi, samples,
            wsum, tapY, wY, tapX, wX, sensitivity, weighting, stat, sum, second, first, last);
}

// Thread (j, i) computes output pixel (i, j): a warp covers 32 neighbouring output pixels of mixed phases, whose
// lattice windows overlap, so each lattice load touches one or two cache lines instead of four.
extern "C" __global__ void esrrf_rgc_pixel(const float* __restrict__ frames, const float2* __restrict__ lattice,
        int frameCount, int firstFrame, int h, int w, int m, int margin, int kMin, int kyMax, int kxMax,
        const int* __restrict__ baseY, const int* __restrict__ baseX, const unsigned char* __restrict__ insideY,
        const unsigned char* __restrict__ insideX, const int* __restrict__ start, const int* __restrict__ offs,
        const int* __restrict__ djdi, const float4* __restrict__ samples, const float* __restrict__ wsum,
        const int* __restrict__ tapY, const float* __restrict__ wY, const int* __restrict__ tapX,
        const float* __restrict__ wX, float sensitivity, int weighting, int stat,
        double* __restrict__ sum, double* __restrict__ second, float* __restrict__ first, float* __restrict__ last) {
    const int j = blockIdx.x * blockDim.x + threadIdx.x;
    rgc_pixel(blockIdx.y * blockDim.y + threadIdx.y, j, j % m, frames, lattice, frameCount, firstFrame, h, w, m,
            margin, kMin, kyMax, kxMax, baseY, baseX, insideY, insideX, start, offs, djdi, samples, wsum, tapY, wY,
            tapX, wX, sensitivity, weighting, stat, sum, second, first, last);
}

// Variant of esrrf_rgc that stages each frame's lattice window of the block in shared memory: the block's 32 x 4
// threads (one column phase sx = blockIdx.z) read about tileRows x tileCols lattice points ~48 times each.
// samples[k].w holds the sample's offset for a row length of tileCols. Border pixels read the lattice directly.
extern "C" __global__ void esrrf_rgc_tiled(const float* __restrict__ frames, const float2* __restrict__ lattice,
        int frameCount, int firstFrame, int h, int w, int m, int margin, int kMin, int kyMax, int kxMax,
        const int* __restrict__ baseY, const int* __restrict__ baseX, const unsigned char* __restrict__ insideY,
        const unsigned char* __restrict__ insideX, const int* __restrict__ start, const int* __restrict__ offs,
        const int* __restrict__ djdi, const float4* __restrict__ samples, const float* __restrict__ wsum,
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
    int ty[4];
    float wy[4];
    int tx[4];
    float wx[4];
    for (int t = 0; t < 4; t++) {
        ty[t] = tapY[4 * ii + t] * w;
        wy[t] = wY[4 * ii + t];
        tx[t] = tapX[4 * jj + t];
        wx[t] = wX[4 * jj + t];
    }
    double s = 0.0;
    double qq = 0.0;
    float firstV = 0.0f;
    float lastV = 0.0f;
    if (firstFrame > 0 && active) {
        s = sum[o];
        if (stat != STAT_AVG) {
            qq = second[o];
        }
        if (stat == STAT_TAC2) {
            firstV = first[o];
            lastV = last[o];
        }
    }
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
            float ws = 0.0f;
            if (interior) {
                const float2* base = tile + tileBase;
#pragma unroll 4
                for (int k = s0; k < s1; k++) {
                    float4 sm = __ldg(samples + k);
                    float2 g = base[__float_as_int(sm.w)];
                    float dot = fmaf(g.x, sm.x, g.y * sm.y);
                    float c = fmaf(-sm.z, fabsf(fmaf(g.y, sm.x, -g.x * sm.y)), sm.z);
                    acc += dot < 0.0f ? c : 0.0f;
                }
                ws = wsumPh;
            } else {
                for (int k = s0; k < s1; k++) {
                    int packed = djdi[k];
                    int ky = by + (packed >> 16);
                    int kx = bx + (packed & 0xffff);
                    if (ky < kMin || ky > kyMax || kx < kMin || kx > kxMax) {
                        continue;
                    }
                    float2 g = lat[min(ky, 2 * h) * lw + min(kx, 2 * w)];
                    float4 sm = samples[k];
                    ws += sm.z;
                    float dot = g.x * sm.x + g.y * sm.y;
                    float c = sm.z - sm.z * fabsf(g.y * sm.x - g.x * sm.y);
                    acc += dot < 0.0f ? c : 0.0f;
                }
            }
            float rgc = ws > 0.0f ? acc / ws : 0.0f;
            if (rgc >= 0.0f && sensitivity > 1.0f) {
                rgc = powf(rgc, sensitivity);
            }
            if (rgc < 0.0f) {
                rgc = 0.0f;
            }
            if (weighting) {
                const float* img = frames + (size_t) f * h * w;
                float in = 0.0f;
                for (int t = 0; t < 4; t++) {
                    const float* row = img + ty[t];
                    float r = __ldg(row + tx[0]) * wx[0] + __ldg(row + tx[1]) * wx[1] + __ldg(row + tx[2]) * wx[2]
                            + __ldg(row + tx[3]) * wx[3];
                    in += r * wy[t];
                }
                rgc *= in;
            }
            v = rgc;
        }
        s += v;
        if (stat == STAT_VAR) {
            qq += (double) v * v;
        } else if (stat == STAT_TAC2) {
            if (firstFrame + f == 0) {
                firstV = v;
            } else {
                qq += (double) lastV * v;
            }
            lastV = v;
        }
    }
    if (!active) {
        return;
    }
    sum[o] = s;
    if (stat != STAT_AVG) {
        second[o] = qq;
    }
    if (stat == STAT_TAC2) {
        first[o] = firstV;
        last[o] = lastV;
    }
}

extern "C" __global__ void esrrf_finish(const double* __restrict__ sum, const double* __restrict__ second,
        const float* __restrict__ first, const float* __restrict__ last, int n, int frames, int stat,
        float* __restrict__ out) {
    const int p = blockIdx.x * blockDim.x + threadIdx.x;
    if (p >= n) {
        return;
    }
    double t = frames;
    double mean = sum[p] / t;
    double r = mean;
    if (stat == STAT_VAR) {
        r = fmax(0.0, second[p] / t - mean * mean);
    } else if (stat == STAT_TAC2) {
        r = (second[p] - mean * (2.0 * sum[p] - first[p] - last[p]) + (t - 1.0) * mean * mean) / (t - 1.0);
    }
    out[p] = (float) r;
}
