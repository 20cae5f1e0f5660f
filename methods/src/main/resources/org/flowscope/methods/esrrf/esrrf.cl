// eSRRF, fused: gradient lattice per frame, then per output pixel RGC + intensity weighting + running temporal
// sums over all frames of a chunk, kept in registers and folded into device-resident accumulators.
// Mirrors EsrrfPlan / EsrrfFrameKernel (Java) and esrrf.cu (CUDA); the tables come from EsrrfPlan.

#pragma OPENCL EXTENSION cl_khr_fp64 : enable

#define GEO_CENTRED 0
#define GEO_NANOPYX 1
#define STAT_AVG 0
#define STAT_VAR 1
#define STAT_TAC2 2

inline float cr_weight(float v) {
    float a = fabs(v);
    if (a < 1.0f) {
        return a * a * (1.5f * a - 2.5f) + 1.0f;
    }
    if (a < 2.0f) {
        return ((-0.5f * a + 2.5f) * a - 4.0f) * a + 2.0f;
    }
    return 0.0f;
}

// Roberts cross of the frame at grid point (a, b): NANOPYX on the h x w pixels with the top/left index clamp,
// CENTRED on the (h+1) x (w+1) corners of the edge-replicated frame.
inline float2 roberts(__global const float* img, int h, int w, int a, int b) {
    int r1 = min(a, h - 1);
    int r0 = max(a - 1, 0);
    int c1 = min(b, w - 1);
    int c0 = max(b - 1, 0);
    float p = img[r1 * w + c1];
    float q = img[r1 * w + c0];
    float u = img[r0 * w + c1];
    float v = img[r0 * w + c0];
    return (float2)((p - q) + (u - v), (p - u) + (q - v));
}

// One unit gradient per lattice point (k, l), k in 0..2h, l in 0..2w, for every frame of the chunk.
__kernel void esrrf_lattice(__global const float* frames, __global float2* lattice, const int h, const int w,
        const int m, const int geo) {
    const int l = get_global_id(0);
    const int k = get_global_id(1);
    const int f = get_global_id(2);
    const int lw = 2 * w + 1;
    if (l >= lw || k > 2 * h) {
        return;
    }
    __global const float* img = frames + (size_t) f * h * w;
    float gx = 0.0f;
    float gy = 0.0f;
    if (geo == GEO_NANOPYX) {
        float y = k < 2 * h ? k / 2.0f : (float) (2 * h * m - 1) / (float) (2 * m);
        float x = l < 2 * w ? l / 2.0f : (float) (2 * w * m - 1) / (float) (2 * m);
        int r0 = (int) floor(y - 0.5f);
        int c0 = (int) floor(x - 0.5f);
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
        // corner a sits at continuous a; the kernel convention puts element a at a + 0.5
        float y = k / 2.0f + 0.5f;
        float x = l / 2.0f + 0.5f;
        int r0 = (int) floor(y - 0.5f);
        int c0 = (int) floor(x - 0.5f);
        for (int jj = 0; jj < 4; jj++) {
            int c = c0 - 1 + jj;
            int cc = clamp(c, 0, w);
            float px = 0.0f;
            float py = 0.0f;
            for (int ii = 0; ii < 4; ii++) {
                int r = r0 - 1 + ii;
                int rr = clamp(r, 0, h);
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
    float norm = sqrt(gx * gx + gy * gy);
    float2 unit = norm > 0.0f ? (float2)(gx / norm, gy / norm) : (float2)(0.0f, 0.0f);
    lattice[(size_t) f * (2 * h + 1) * lw + k * lw + l] = unit;
}

// Per output pixel: for each frame of the chunk, RGC from the lattice, sensitivity, intensity weighting, then the
// running sums. firstFrame: index of the chunk's first frame within the time point (0 starts the sums).
// Work item (q, i, sx) computes output pixel (i, q M + sx): the items of a row of a work group share one sub-pixel
// phase, hence one sample table (uniform loads), and read lattice columns two apart.
__kernel void esrrf_rgc(__global const float* frames, __global const float2* lattice, const int frameCount,
        const int firstFrame, const int h, const int w, const int m, const int margin,
        const int kMin, const int kyMax, const int kxMax,
        __global const int* baseY, __global const int* baseX, __global const uchar* insideY,
        __global const uchar* insideX, __global const int* start, __global const int* offs,
        __global const int* djdi, __global const float4* samples, __global const float* wsum,
        __global const int* tapY, __global const float* wY, __global const int* tapX, __global const float* wX,
        const float sensitivity, const int weighting, const int stat,
        __global double* sum, __global double* second, __global float* first, __global float* last) {
    const int q = get_global_id(0);
    const int i = get_global_id(1);
    const int sx = get_global_id(2);
    const int hm = h * m;
    const int wm = w * m;
    if (i >= hm || q >= w) {
        return;
    }
    const int j = q * m + sx;
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
    double s = 0.0;
    double qq = 0.0;
    float firstV = 0.0f;
    float lastV = 0.0f;
    if (firstFrame > 0) {
        if (stat != STAT_AVG) {
            qq = second[o];
        }
        s = sum[o];
        if (stat == STAT_TAC2) {
            firstV = first[o];
            lastV = last[o];
        }
    }
    for (int f = 0; f < frameCount; f++) {
        float v = 0.0f;
        if (!margins) {
            __global const float2* lat = lattice + (size_t) f * latticeSize;
            float acc = 0.0f;
            float ws = 0.0f;
            if (interior) {
                const int base = by * lw + bx;
                // sample k: (ux, uy, w, lattice offset as int bits); the work items of a row share k
                for (int k = s0; k < s1; k++) {
                    float4 sm = samples[k];
                    float2 g = lat[base + as_int(sm.w)];
                    float dot = g.x * sm.x + g.y * sm.y;
                    float c = sm.z - sm.z * fabs(g.y * sm.x - g.x * sm.y);
                    acc += dot < 0.0f ? c : 0.0f;
                }
                ws = wsum[ph];
            } else {
                for (int k = s0; k < s1; k++) {
                    int ky = by + (djdi[k] >> 16);
                    int kx = bx + (djdi[k] & 0xffff);
                    if (ky < kMin || ky > kyMax || kx < kMin || kx > kxMax) {
                        continue;
                    }
                    float2 g = lat[min(ky, 2 * h) * lw + min(kx, 2 * w)];
                    float4 sm = samples[k];
                    ws += sm.z;
                    float dot = g.x * sm.x + g.y * sm.y;
                    float c = sm.z - sm.z * fabs(g.y * sm.x - g.x * sm.y);
                    acc += dot < 0.0f ? c : 0.0f;
                }
            }
            float rgc = ws > 0.0f ? acc / ws : 0.0f;
            if (rgc >= 0.0f && sensitivity > 1.0f) {
                rgc = pow(rgc, sensitivity);
            }
            if (rgc < 0.0f) {
                rgc = 0.0f;
            }
            if (weighting) {
                __global const float* img = frames + (size_t) f * h * w;
                float in = 0.0f;
                for (int t = 0; t < 4; t++) {
                    __global const float* row = img + tapY[4 * i + t] * w;
                    float r = row[tapX[4 * j]] * wX[4 * j] + row[tapX[4 * j + 1]] * wX[4 * j + 1]
                            + row[tapX[4 * j + 2]] * wX[4 * j + 2] + row[tapX[4 * j + 3]] * wX[4 * j + 3];
                    in += r * wY[4 * i + t];
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

// The statistic of T frames from the running sums.
__kernel void esrrf_finish(__global const double* sum, __global const double* second, __global const float* first,
        __global const float* last, const int n, const int frames, const int stat, __global float* out) {
    const int p = get_global_id(0);
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
