// eSRRF device functions, written once for esrrf.cl (OpenCL) and esrrf.cu (CUDA): the kernels there only map
// their work item / thread to a pixel and call these. Same algorithm and tables as EsrrfPlan / EsrrfFrameKernel
// (Java); the tables come from DeviceTables.
#ifndef FLOWSCOPE_ESRRF_DEVICE_H
#define FLOWSCOPE_ESRRF_DEVICE_H

#include "../kernel_compat.h"

#define GEO_CENTRED 0
#define GEO_NANOPYX 1
#define STAT_AVG 0
#define STAT_VAR 1
#define STAT_TAC2 2

DEVFN float cr_weight(float v) {
    float a = FABS(v);
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
DEVFN float2 roberts(GLOBAL_MEM const float* RESTRICT img, int h, int w, int a, int b) {
    int r1 = min(a, h - 1);
    int r0 = max(a - 1, 0);
    int c1 = min(b, w - 1);
    int c0 = max(b - 1, 0);
    float p = LDG(img + r1 * w + c1);
    float q = LDG(img + r1 * w + c0);
    float u = LDG(img + r0 * w + c1);
    float v = LDG(img + r0 * w + c0);
    return FLOAT2((p - q) + (u - v), (p - u) + (q - v));
}

// The 4 Catmull-Rom taps of continuous position pos (element r centred at r + 0.5) along an axis: returns the first
// tap's index r0 - 1 and sets wt[t] to the weight of tap r0 - 1 + t. pos is a double because it is a position plus a
// frame's sub-pixel shift: as a float, the sum is rounded to the position's ulp (3e-5 px at 300 px), the shift loses
// its low bits and the gradients, whose directions RGC normalises, move by more than the tolerance where they are
// small. From pos the first distance is rounded once; the other three are exact in float.
DEVFN int esrrf_cr_taps(double pos, float wt[4]) {
    int r0 = (int) floor(pos - 0.5);
    float d = (float) (pos - (r0 - 0.5));
    for (int t = 0; t < 4; t++) {
        wt[t] = cr_weight(d - (float) t);
    }
    return r0 - 1;
}

// The unit gradient at lattice point (k, l), k in 0..2h, l in 0..2w, of frame f of the chunk, read (sx, sy) input
// pixels away from the lattice point: a frame's drift undone by eSRRF's own interpolation (0, 0 normally). The
// positions are those of Lattice.latticeRows (the NANOPYX clamp value in float, the shift added in double).
DEVFN void esrrf_lattice_point(GLOBAL_MEM const float* RESTRICT frames, GLOBAL_MEM float2* RESTRICT lattice,
        int h, int w, int m, int geo, float sx, float sy, int l, int k, int f) {
    const int lw = 2 * w + 1;
    if (l >= lw || k > 2 * h) {
        return;
    }
    GLOBAL_MEM const float* img = frames + (size_t) f * h * w;
    float gx = 0.0f;
    float gy = 0.0f;
    float wr[4];
    float wc[4];
    if (geo == GEO_NANOPYX) {
        double y = (double) (k < 2 * h ? k / 2.0f : (float) (2 * h * m - 1) / (float) (2 * m)) + (double) sy;
        double x = (double) (l < 2 * w ? l / 2.0f : (float) (2 * w * m - 1) / (float) (2 * m)) + (double) sx;
        const int r0 = esrrf_cr_taps(y, wr);
        const int c0 = esrrf_cr_taps(x, wc);
        // NanoPyx's interpolator gives 0 outside the image (only a shifted frame reads there)
        bool outside = y < 0.0 || y >= h || x < 0.0 || x >= w;
        for (int jj = 0; jj < 4 && !outside; jj++) {
            int c = c0 + jj;
            if (c < 0 || c >= w) {
                continue;
            }
            float px = 0.0f;
            float py = 0.0f;
            for (int ii = 0; ii < 4; ii++) {
                int r = r0 + ii;
                if (r < 0 || r >= h) {
                    continue;
                }
                float2 g = roberts(img, h, w, r, c);
                px += g.x * wr[ii];
                py += g.y * wr[ii];
            }
            gx += px * wc[jj];
            gy += py * wc[jj];
        }
    } else {
        // corner a sits at continuous a; the kernel convention puts element a at a + 0.5
        const int r0 = esrrf_cr_taps(k * 0.5 + 0.5 + (double) sy, wr);
        const int c0 = esrrf_cr_taps(l * 0.5 + 0.5 + (double) sx, wc);
        for (int jj = 0; jj < 4; jj++) {
            int cc = min(max(c0 + jj, 0), w);
            float px = 0.0f;
            float py = 0.0f;
            for (int ii = 0; ii < 4; ii++) {
                int rr = min(max(r0 + ii, 0), h);
                float2 g = roberts(img, h, w, rr, cc);
                px += g.x * wr[ii];
                py += g.y * wr[ii];
            }
            gx += px * wc[jj];
            gy += py * wc[jj];
        }
    }
    float norm = SQRT(gx * gx + gy * gy);
    float2 unit = norm > 0.0f ? FLOAT2(gx / norm, gy / norm) : FLOAT2(0.0f, 0.0f);
    lattice[(size_t) f * (2 * h + 1) * lw + k * lw + l] = unit;
}

// What sample sm = (ux, uy, w, offset bits) adds to RGC for gradient g: its weight less the gradient's component
// across the direction to the pixel, when the gradient points towards the pixel.
DEVFN float esrrf_rgc_term(float2 g, float4 sm) {
    float dot = FMA(g.x, sm.x, g.y * sm.y);
    float c = FMA(-sm.z, FABS(FMA(g.y, sm.x, -g.x * sm.y)), sm.z);
    return dot < 0.0f ? c : 0.0f;
}

// RGC sum and weight sum (x, y) of a pixel whose sample window leaves the lattice: only inside samples count.
DEVFN float2 esrrf_rgc_border(GLOBAL_MEM const float2* RESTRICT lat, int by, int bx, int s0, int s1,
        GLOBAL_MEM const int* RESTRICT djdi, GLOBAL_MEM const float4* RESTRICT samples, int h, int w, int kMin,
        int kyMax, int kxMax) {
    const int lw = 2 * w + 1;
    float acc = 0.0f;
    float ws = 0.0f;
    for (int k = s0; k < s1; k++) {
        int packed = djdi[k];
        int ky = by + (packed >> 16);
        int kx = bx + (packed & 0xffff);
        if (ky < kMin || ky > kyMax || kx < kMin || kx > kxMax) {
            continue;
        }
        float4 sm = samples[k];
        ws += sm.z;
        acc += esrrf_rgc_term(lat[min(ky, 2 * h) * lw + min(kx, 2 * w)], sm);
    }
    return FLOAT2(acc, ws);
}

// RGC from its sums, raised to the sensitivity and clipped at 0.
DEVFN float esrrf_rgc_value(float acc, float ws, float sensitivity) {
    float rgc = ws > 0.0f ? acc / ws : 0.0f;
    if (rgc >= 0.0f && sensitivity > 1.0f) {
        rgc = POW(rgc, sensitivity);
    }
    return rgc < 0.0f ? 0.0f : rgc;
}

// The Catmull-Rom taps of output pixel (i, j) on the input frame: row offsets (tapY * w), columns, weights.
typedef struct {
    int ty[4];
    float wy[4];
    int tx[4];
    float wx[4];
} esrrf_taps;

DEVFN esrrf_taps esrrf_taps_of(int i, int j, int w, GLOBAL_MEM const int* RESTRICT tapY,
        GLOBAL_MEM const float* RESTRICT wY, GLOBAL_MEM const int* RESTRICT tapX, GLOBAL_MEM const float* RESTRICT wX) {
    esrrf_taps t;
    for (int n = 0; n < 4; n++) {
        t.ty[n] = tapY[4 * i + n] * w;
        t.wy[n] = wY[4 * i + n];
        t.tx[n] = tapX[4 * j + n];
        t.wx[n] = wX[4 * j + n];
    }
    return t;
}

// The magnified image at the pixel: the intensity weight.
DEVFN float esrrf_intensity(GLOBAL_MEM const float* RESTRICT img, const esrrf_taps* t) {
    float in = 0.0f;
    for (int n = 0; n < 4; n++) {
        GLOBAL_MEM const float* row = img + t->ty[n];
        float r = LDG(row + t->tx[0]) * t->wx[0] + LDG(row + t->tx[1]) * t->wx[1] + LDG(row + t->tx[2]) * t->wx[2]
                + LDG(row + t->tx[3]) * t->wx[3];
        in += r * t->wy[n];
    }
    return in;
}

// Running temporal sums of one output pixel: sum, second moment (VAR) or lag-1 products (TAC2), first and last value.
typedef struct {
    double sum;
    double second;
    float first;
    float last;
} esrrf_sums;

// The sums of pixel o so far: zero at the first chunk of a time point, the device accumulators otherwise.
DEVFN esrrf_sums esrrf_sums_resume(int firstFrame, int stat, size_t o, GLOBAL_MEM const double* sum,
        GLOBAL_MEM const double* second, GLOBAL_MEM const float* first, GLOBAL_MEM const float* last) {
    esrrf_sums a;
    a.sum = 0.0;
    a.second = 0.0;
    a.first = 0.0f;
    a.last = 0.0f;
    if (firstFrame > 0) {
        a.sum = sum[o];
        if (stat != STAT_AVG) {
            a.second = second[o];
        }
        if (stat == STAT_TAC2) {
            a.first = first[o];
            a.last = last[o];
        }
    }
    return a;
}

// Adds value v of frame t (index within the time point).
DEVFN void esrrf_sums_add(esrrf_sums* a, int stat, int t, float v) {
    a->sum += v;
    if (stat == STAT_VAR) {
        a->second += (double) v * v;
    } else if (stat == STAT_TAC2) {
        if (t == 0) {
            a->first = v;
        } else {
            a->second += (double) a->last * v;
        }
        a->last = v;
    }
}

DEVFN void esrrf_sums_store(const esrrf_sums* a, int stat, size_t o, GLOBAL_MEM double* sum,
        GLOBAL_MEM double* second, GLOBAL_MEM float* first, GLOBAL_MEM float* last) {
    sum[o] = a->sum;
    if (stat != STAT_AVG) {
        second[o] = a->second;
    }
    if (stat == STAT_TAC2) {
        first[o] = a->first;
        last[o] = a->last;
    }
}

// RGC, intensity weighting and running sums of output pixel (i, j = q M + sx) over the frames of a chunk;
// firstFrame is the index of the chunk's first frame within the time point (0 starts the sums).
DEVFN void esrrf_rgc_pixel(int i, int j, int sx, GLOBAL_MEM const float* RESTRICT frames,
        GLOBAL_MEM const float2* RESTRICT lattice, int frameCount, int firstFrame, int h, int w, int m, int margin,
        int kMin, int kyMax, int kxMax, GLOBAL_MEM const int* RESTRICT baseY, GLOBAL_MEM const int* RESTRICT baseX,
        GLOBAL_MEM const unsigned char* RESTRICT insideY, GLOBAL_MEM const unsigned char* RESTRICT insideX,
        GLOBAL_MEM const int* RESTRICT start, GLOBAL_MEM const int* RESTRICT djdi,
        GLOBAL_MEM const float4* RESTRICT samples, GLOBAL_MEM const float* RESTRICT wsum,
        GLOBAL_MEM const int* RESTRICT tapY, GLOBAL_MEM const float* RESTRICT wY, GLOBAL_MEM const int* RESTRICT tapX,
        GLOBAL_MEM const float* RESTRICT wX, float sensitivity, int weighting, int stat,
        GLOBAL_MEM double* RESTRICT sum, GLOBAL_MEM double* RESTRICT second, GLOBAL_MEM float* RESTRICT first,
        GLOBAL_MEM float* RESTRICT last) {
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
    const esrrf_taps taps = esrrf_taps_of(i, j, w, tapY, wY, tapX, wX);
    esrrf_sums a = esrrf_sums_resume(firstFrame, stat, o, sum, second, first, last);
    for (int f = 0; f < frameCount; f++) {
        float v = 0.0f;
        if (!margins) {
            GLOBAL_MEM const float2* lat = lattice + (size_t) f * latticeSize;
            float acc = 0.0f;
            float ws = wsumPh;
            if (interior) {
                GLOBAL_MEM const float2* base = lat + by * lw + bx;
                // sample k: (ux, uy, w, lattice offset as int bits); the warp / work-group row shares k, so the
                // load is uniform
#pragma unroll 4
                for (int k = s0; k < s1; k++) {
                    float4 sm = LDG(samples + k);
                    acc += esrrf_rgc_term(LDG(base + FLOAT_AS_INT(sm.w)), sm);
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
    esrrf_sums_store(&a, stat, o, sum, second, first, last);
}

// The statistic of T frames from the running sums, output pixel p of n.
DEVFN void esrrf_finish_pixel(int p, GLOBAL_MEM const double* RESTRICT sum, GLOBAL_MEM const double* RESTRICT second,
        GLOBAL_MEM const float* RESTRICT first, GLOBAL_MEM const float* RESTRICT last, int n, int frames, int stat,
        GLOBAL_MEM float* RESTRICT out) {
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

// ---- streaming (esrrf_stream.cl / .cu): one frame at a time, runs joined into windows ----

// The 4 Catmull-Rom taps (indices, weights) of output position i along an axis of n input pixels, read `shift`
// input pixels away from the usual position: EsrrfPlan.taps on the device (the position in double, as there).
DEVFN void esrrf_axis_taps(int i, int n, int m, int geo, float shift, GLOBAL_MEM int* RESTRICT idx,
        GLOBAL_MEM float* RESTRICT wt) {
    double pos = (geo == GEO_NANOPYX ? (double) ((float) i / (float) m) : (i + 0.5) / (double) m) + (double) shift;
    float w4[4];
    const int r0 = esrrf_cr_taps(pos, w4);
    bool outside = geo == GEO_NANOPYX && (pos < 0.0 || pos >= n);
    for (int t = 0; t < 4; t++) {
        int r = r0 + t;
        bool inside = r >= 0 && r < n;
        idx[4 * i + t] = min(max(r, 0), n - 1);
        wt[4 * i + t] = geo == GEO_NANOPYX && (!inside || outside) ? 0.0f : w4[t];
    }
}

// Appends the running sums of run b (the frames that follow) to those of run a, pixel p: sums add, TAC2's lag sum
// gains the product across the seam.
DEVFN void esrrf_join_pixel(int p, int n, int stat, GLOBAL_MEM double* RESTRICT sum, GLOBAL_MEM double* RESTRICT second,
        GLOBAL_MEM float* RESTRICT first, GLOBAL_MEM float* RESTRICT last, GLOBAL_MEM const double* RESTRICT sum2,
        GLOBAL_MEM const double* RESTRICT second2, GLOBAL_MEM const float* RESTRICT first2,
        GLOBAL_MEM const float* RESTRICT last2) {
    if (p >= n) {
        return;
    }
    sum[p] += sum2[p];
    if (stat == STAT_VAR) {
        second[p] += second2[p];
    } else if (stat == STAT_TAC2) {
        second[p] += (double) last[p] * first2[p] + second2[p];
        last[p] = last2[p];
    }
}

// Macro-pixel correction, first pass: column j's sums over the rows of each row phase, partial[j * m + sy].
DEVFN void esrrf_phase_column(int j, GLOBAL_MEM const float* RESTRICT img, int hm, int wm, int m,
        GLOBAL_MEM double* RESTRICT partial) {
    if (j >= wm) {
        return;
    }
    for (int sy = 0; sy < m; sy++) {
        double s = 0.0;
        for (int i = sy; i < hm; i += m) {
            s += img[(size_t) i * wm + j];
        }
        partial[j * m + sy] = s;
    }
}

// Second pass: the mean of phase ph = sy m + sx over the image.
DEVFN void esrrf_phase_mean(int ph, GLOBAL_MEM const double* RESTRICT partial, int hm, int wm, int m,
        GLOBAL_MEM float* RESTRICT means) {
    if (ph >= m * m) {
        return;
    }
    int sy = ph / m;
    int sx = ph % m;
    double s = 0.0;
    for (int j = sx; j < wm; j += m) {
        s += partial[j * m + sy];
    }
    means[ph] = (float) (s / ((double) (hm / m) * (wm / m)));
}

// Third pass: each pixel divided by its phase's mean (a phase of mean 0 is left as it is).
DEVFN void esrrf_phase_divide_pixel(int p, GLOBAL_MEM float* RESTRICT img, int hm, int wm, int m,
        GLOBAL_MEM const float* RESTRICT means) {
    if (p >= hm * wm) {
        return;
    }
    int i = p / wm;
    int j = p - i * wm;
    float v = means[(i % m) * m + j % m];
    if (v != 0.0f) {
        img[p] /= v;
    }
}

#endif
