// eSRRF 3-D device functions, written once for esrrf3d.cl (OpenCL) and esrrf3d.cu (CUDA): the kernels there only map
// their work item / thread to a voxel and call these. Same algorithm, tables and operation order as the Java classes
// Volumes3d, Rgc3d, Welford and Esrrf3dCpuThreaded, so that sample tests (d != 0, d_xy <= tSO, the dz test) and sums
// come out identical: every float and double + - * is an explicitly rounded operation (no fused multiply-add:
// FP_CONTRACT OFF in OpenCL, __f*_rn / __d*_rn in CUDA), divisions and square roots are taken in double (correctly
// rounded on both) and rounded to float where Java rounds. Only exp and pow may differ in their last bits.
#ifndef FLOWSCOPE_ESRRF3D_DEVICE_H
#define FLOWSCOPE_ESRRF3D_DEVICE_H

#include "../kernel_compat.h"

#ifdef __CUDACC__
#define E3_FMUL(a, b) __fmul_rn(a, b)
#define E3_FADD(a, b) __fadd_rn(a, b)
#define E3_FSUB(a, b) __fsub_rn(a, b)
#define E3_DMUL(a, b) __dmul_rn(a, b)
#define E3_DADD(a, b) __dadd_rn(a, b)
#define E3_DSUB(a, b) __dsub_rn(a, b)
#define E3_DDIV(a, b) __ddiv_rn(a, b)
#define E3_FLOAT4 float4
#else
#pragma OPENCL FP_CONTRACT OFF
#define E3_FMUL(a, b) ((a) * (b))
#define E3_FADD(a, b) ((a) + (b))
#define E3_FSUB(a, b) ((a) - (b))
#define E3_DMUL(a, b) ((a) * (b))
#define E3_DADD(a, b) ((a) + (b))
#define E3_DSUB(a, b) ((a) - (b))
#define E3_DDIV(a, b) ((a) / (b))
#define E3_FLOAT4 float4
#endif

#define E3_GEO_CENTRED 0
#define E3_GEO_NANOPYX 1
#define E3_AVERAGE 0
#define E3_STD 1
#define E3_TAPS 4

// Intensity and the three gradients of input voxel (s, y, x) of frame f: (I, Gx, Gy, Gz), neighbours clamped;
// central differences, along z NanoPyx's halved backward difference (I[z] - I[z-1]) / 2 unless centred.
DEVFN void esrrf3d_prepare_voxel(GLOBAL_MEM const float* RESTRICT frames, GLOBAL_MEM E3_FLOAT4* RESTRICT vol,
        int z, int h, int w, int geo, int x, int y, int sf) {
    if (x >= w || y >= h) {
        return;
    }
    const int s = sf % z;
    const size_t frame = (size_t) (sf / z) * z * h * w;
    GLOBAL_MEM const float* v = frames + frame;
    const int plane = h * w;
    const int xp = min(x + 1, w - 1);
    const int xq = max(x - 1, 0);
    const int yp = min(y + 1, h - 1);
    const int yq = max(y - 1, 0);
    const int zp = min(s + 1, z - 1);
    const int zq = max(s - 1, 0);
    const float c = v[s * plane + y * w + x];
    const float above = geo == E3_GEO_CENTRED ? v[zp * plane + y * w + x] : c;
    E3_FLOAT4 out;
    out.x = c;
    out.y = E3_FMUL(E3_FSUB(v[s * plane + y * w + xp], v[s * plane + y * w + xq]), 0.5f);
    out.z = E3_FMUL(E3_FSUB(v[s * plane + yp * w + x], v[s * plane + yq * w + x]), 0.5f);
    out.w = E3_FMUL(E3_FSUB(above, v[zq * plane + y * w + x]), 0.5f);
    vol[frame + (size_t) s * plane + y * w + x] = out;
}

// Output voxel (sm, r, c) of frame f of the four magnified volumes: per z tap, the lateral Catmull-Rom value (per
// column tap the weighted sum down the row taps, then across, in double, rounded to float), then the z taps combined
// in double and rounded to float. Taps with index -1 are skipped.
DEVFN void esrrf3d_magnify_voxel(GLOBAL_MEM const E3_FLOAT4* RESTRICT vol, GLOBAL_MEM E3_FLOAT4* RESTRICT mag,
        int z, int h, int w, int zm, int hm, int wm, GLOBAL_MEM const int* RESTRICT tapY,
        GLOBAL_MEM const double* RESTRICT wY, GLOBAL_MEM const int* RESTRICT tapX, GLOBAL_MEM const double* RESTRICT wX,
        GLOBAL_MEM const int* RESTRICT tapZ, GLOBAL_MEM const double* RESTRICT wZ, int c, int r, int smf) {
    if (c >= wm || r >= hm) {
        return;
    }
    const int sm = smf % zm;
    const int f = smf / zm;
    GLOBAL_MEM const E3_FLOAT4* in = vol + (size_t) f * z * h * w;
    double acc[4] = {0.0, 0.0, 0.0, 0.0};
    for (int t = 0; t < E3_TAPS; t++) {
        const int iz = tapZ[sm * E3_TAPS + t];
        if (iz < 0) {
            continue;
        }
        double q[4] = {0.0, 0.0, 0.0, 0.0};
        for (int j = 0; j < E3_TAPS; j++) {
            const int ix = tapX[c * E3_TAPS + j];
            if (ix < 0) {
                continue;
            }
            double p[4] = {0.0, 0.0, 0.0, 0.0};
            for (int i = 0; i < E3_TAPS; i++) {
                const int iy = tapY[r * E3_TAPS + i];
                if (iy < 0) {
                    continue;
                }
                const E3_FLOAT4 v = in[((size_t) iz * h + iy) * w + ix];
                const double wy = wY[r * E3_TAPS + i];
                p[0] = E3_DADD(p[0], E3_DMUL((double) v.x, wy));
                p[1] = E3_DADD(p[1], E3_DMUL((double) v.y, wy));
                p[2] = E3_DADD(p[2], E3_DMUL((double) v.z, wy));
                p[3] = E3_DADD(p[3], E3_DMUL((double) v.w, wy));
            }
            const double wx = wX[c * E3_TAPS + j];
            for (int k = 0; k < 4; k++) {
                q[k] = E3_DADD(q[k], E3_DMUL(p[k], wx));
            }
        }
        const double wz = wZ[sm * E3_TAPS + t];
        for (int k = 0; k < 4; k++) {
            acc[k] = E3_DADD(acc[k], E3_DMUL((double) (float) q[k], wz));
        }
    }
    E3_FLOAT4 out;
    out.x = (float) acc[0];
    out.y = (float) acc[1];
    out.z = (float) acc[2];
    out.w = (float) acc[3];
    mag[((size_t) f * zm + sm) * hm * wm + (size_t) r * wm + c] = out;
}

// (float) sqrt of a float, taken in double as NanoPyx's sqrt does.
DEVFN float e3_sqrt(float a) {
    return (float) sqrt((double) a);
}

// exp(-a^2 / t) in double, rounded to float (Rgc3d.gauss).
DEVFN float e3_gauss(float a, float t) {
    return (float) exp(E3_DDIV(E3_DMUL(-(double) a, (double) a), (double) t));
}

// The intensity-weighted RGC of output voxel (s, r, c) of one frame's magnified volumes (Rgc3d, Esrrf3dCpuThreaded).
DEVFN float esrrf3d_rgc_value(GLOBAL_MEM const E3_FLOAT4* RESTRICT mag, int zm, int hm, int wm, int geo,
        int s, int r, int c, int ny, GLOBAL_MEM const int* RESTRICT idxY, GLOBAL_MEM const float* RESTRICT dY, int nx,
        GLOBAL_MEM const int* RESTRICT idxX, GLOBAL_MEM const float* RESTRICT dX, int nz,
        GLOBAL_MEM const int* RESTRICT idxZ, GLOBAL_MEM const float* RESTRICT dZ,
        GLOBAL_MEM const float* RESTRICT gaussZ, float tSS, float tSO, float tSOz, float sensitivity, int weighting) {
    const size_t plane = (size_t) hm * wm;
    float acc = 0.0f;
    float wsum = 0.0f;
    for (int a = r * ny; a < (r + 1) * ny; a++) {
        const int iy = idxY[a];
        if (iy < 0) {
            continue;
        }
        const float dy = dY[a];
        for (int b = c * nx; b < (c + 1) * nx; b++) {
            const int ix = idxX[b];
            if (ix < 0) {
                continue;
            }
            const float dx = dX[b];
            const float dxy2 = E3_FADD(E3_FMUL(dx, dx), E3_FMUL(dy, dy));
            const float dxy = e3_sqrt(dxy2);
            if (!(dxy <= tSO)) {
                continue;
            }
            const float wxy = e3_gauss(dxy, tSS);
            for (int k = s * nz; k < (s + 1) * nz; k++) {
                const int iz = idxZ[k];
                if (iz < 0) {
                    continue;
                }
                const float dz = dZ[k];
                const float d = e3_sqrt(E3_FADD(dxy2, E3_FMUL(dz, dz)));
                const bool axial = geo == E3_GEO_NANOPYX ? dz <= tSOz : FABS(dz) <= tSOz;
                if (d == 0.0f || !axial) {
                    continue;
                }
                const float dw = (float) E3_DMUL((double) d, (double) E3_FMUL(wxy, gaussZ[k]));
                const double sq = E3_DMUL((double) dw, (double) dw);
                const float wt = (float) E3_DMUL(sq, sq);
                wsum = E3_FADD(wsum, wt);
                const E3_FLOAT4 g = mag[(size_t) iz * plane + (size_t) iy * wm + ix];
                const float dot = E3_FADD(E3_FADD(E3_FMUL(g.y, dx), E3_FMUL(g.z, dy)), E3_FMUL(g.w, dz));
                if (dot < 0.0f) {
                    const float u = E3_FSUB(E3_FMUL(g.z, dz), E3_FMUL(g.w, dy));
                    const float v = E3_FSUB(E3_FMUL(g.w, dx), E3_FMUL(g.y, dz));
                    const float t = E3_FSUB(E3_FMUL(g.y, dy), E3_FMUL(g.z, dx));
                    const float cross = E3_FADD(E3_FADD(E3_FMUL(u, u), E3_FMUL(v, v)), E3_FMUL(t, t));
                    const float g2 = E3_FADD(E3_FADD(E3_FMUL(g.y, g.y), E3_FMUL(g.z, g.z)), E3_FMUL(g.w, g.w));
                    float q = (float) E3_DDIV(sqrt((double) cross), sqrt((double) g2));
                    if (isnan(q)) {
                        q = d;
                    }
                    const float dk = E3_FSUB(1.0f, (float) E3_DDIV((double) q, (double) d));
                    acc = (float) E3_DADD((double) acc, E3_DMUL((double) dk, (double) wt));
                }
            }
        }
    }
    float rgc;
    if (geo == E3_GEO_CENTRED && wsum == 0.0f) {
        rgc = 0.0f;
    } else {
        rgc = (float) E3_DDIV((double) acc, (double) wsum);
        if (rgc >= 0.0f && sensitivity > 1.0f) {
            rgc = (float) pow((double) rgc, (double) sensitivity);
        } else if (rgc < 0.0f) {
            rgc = 0.0f;
        }
    }
    return weighting ? E3_FMUL(rgc, mag[(size_t) s * plane + (size_t) r * wm + c].x) : rgc;
}

// RGC of output voxel (s, r, c) over the frames of a chunk, folded into the Welford sums of the time point (frame
// numbers firstFrame + 1 ..; the sums start at 0 with the first chunk). Voxels in NanoPyx's margins are 0.
DEVFN void esrrf3d_rgc_voxel(GLOBAL_MEM const E3_FLOAT4* RESTRICT mag, int frameCount, int firstFrame, int zm, int hm,
        int wm, int geo, int marginXy, int marginZ, int ny, GLOBAL_MEM const int* RESTRICT idxY,
        GLOBAL_MEM const float* RESTRICT dY, int nx, GLOBAL_MEM const int* RESTRICT idxX,
        GLOBAL_MEM const float* RESTRICT dX, int nz, GLOBAL_MEM const int* RESTRICT idxZ,
        GLOBAL_MEM const float* RESTRICT dZ, GLOBAL_MEM const float* RESTRICT gaussZ, float tSS, float tSO, float tSOz,
        float sensitivity, int weighting, GLOBAL_MEM double* RESTRICT mean, GLOBAL_MEM double* RESTRICT m2, int c,
        int r, int s) {
    if (c >= wm || r >= hm || s >= zm) {
        return;
    }
    const size_t o = ((size_t) s * hm + r) * wm + c;
    const bool computed = s >= marginZ && s < zm - marginZ && r >= marginXy && r < hm - marginXy && c >= marginXy
            && c < wm - marginXy;
    double mu = firstFrame > 0 ? mean[o] : 0.0;
    double sq = firstFrame > 0 ? m2[o] : 0.0;
    const size_t volume = (size_t) zm * hm * wm;
    for (int f = 0; f < frameCount; f++) {
        const float value = computed ? esrrf3d_rgc_value(mag + f * volume, zm, hm, wm, geo, s, r, c, ny, idxY, dY, nx,
                idxX, dX, nz, idxZ, dZ, gaussZ, tSS, tSO, tSOz, sensitivity, weighting) : 0.0f;
        const double v = (double) value;
        const double delta = E3_DSUB(v, mu);
        mu = E3_DADD(mu, E3_DDIV(delta, (double) (firstFrame + f + 1)));
        sq = E3_DADD(sq, E3_DMUL(delta, E3_DSUB(v, mu)));
    }
    mean[o] = mu;
    m2[o] = sq;
}

// The reduction of a time point of `frames` frames from its Welford sums.
DEVFN void esrrf3d_finish_voxel(GLOBAL_MEM const double* RESTRICT mean, GLOBAL_MEM const double* RESTRICT m2, int n,
        int frames, int temporal, GLOBAL_MEM float* RESTRICT out, int i) {
    if (i >= n) {
        return;
    }
    out[i] = temporal == E3_AVERAGE ? (float) mean[i] : (float) sqrt(E3_DDIV(m2[i], (double) frames));
}

#endif
