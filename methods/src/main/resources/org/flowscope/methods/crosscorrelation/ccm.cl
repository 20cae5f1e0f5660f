// Cross-correlation and its sub-pixel maximum on the device (see DeviceCcm.java, which mirrors CcmKernel.java step
// by step). Double precision; shifted frames are rounded to float32 as the reference rounds them.
#ifndef __CUDACC__
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#pragma OPENCL FP_CONTRACT OFF
#define KERNEL __kernel
#define GLOBAL __global
#define LOCAL __local
#define DEVICE_FN inline
#define GID(d) ((int) get_global_id(d))
#define LID(d) ((int) get_local_id(d))
#define GROUP(d) ((int) get_group_id(d))
#define LSIZE(d) ((int) get_local_size(d))
#define BARRIER() barrier(CLK_LOCAL_MEM_FENCE)
#define D2(a, b) ((double2) ((a), (b)))
#define FMUL(a, b) ((a) * (b))
#define FADD(a, b) ((a) + (b))
#define FSUB(a, b) ((a) - (b))
#define DMUL(a, b) ((a) * (b))
#define DADD(a, b) ((a) + (b))
#define DSUB(a, b) ((a) - (b))
#endif

#define RED 64

DEVICE_FN int fmod_i(int a, int m) {
    int r = a % m;
    return r < 0 ? r + m : r;
}

DEVICE_FN int iabs(int v) {
    return v < 0 ? -v : v;
}

// per image row: sum over x of ty[y] tx[x] img(y, x)
KERNEL void ccm_weighted_rows(GLOBAL const float* img, int off, int h, int w, GLOBAL const double* ty,
                              GLOBAL const double* tx, GLOBAL double* rows) {
    int y = GID(0);
    if (y >= h) {
        return;
    }
    double s = 0;
    for (int x = 0; x < w; x++) {
        double wt = ty[y] * tx[x];
        s += wt * img[off + (long) y * w + x];
    }
    rows[y] = s;
}

// the windowed, mean-removed image zero-padded to fh x fw, as complex numbers
KERNEL void ccm_window(GLOBAL const float* img, int off, int h, int w, int fh, int fw, GLOBAL const double* ty,
                       GLOBAL const double* tx, double mean, GLOBAL double2* out) {
    int x = GID(0);
    int y = GID(1);
    if (x >= fw || y >= fh) {
        return;
    }
    double v = 0;
    if (y < h && x < w) {
        v = (img[off + (long) y * w + x] - mean) * ty[y] * tx[x];
    }
    out[(long) y * fw + x] = D2(v, 0.0);
}

// reference spectrum: conjugate, times the Gaussian low-pass exp(-c (fx^2 + fy^2)) when c > 0
KERNEL void ccm_reference(GLOBAL double2* s, int fh, int fw, double c) {
    int kx = GID(0);
    int ky = GID(1);
    if (kx >= fw || ky >= fh) {
        return;
    }
    long i = (long) ky * fw + kx;
    double re = s[i].x;
    double im = -s[i].y;
    if (c > 0) {
        double fy = (ky <= fh / 2 ? ky : ky - fh) / (double) fh;
        double fx = (kx <= fw / 2 ? kx : kx - fw) / (double) fw;
        double g = exp(-c * (fx * fx + fy * fy));
        re *= g;
        im *= g;
    }
    s[i] = D2(re, im);
}

// spec = ref * a (the cross-power spectrum), work = a copy of it for the inverse transform
KERNEL void ccm_cross_power(GLOBAL const double2* ref, GLOBAL const double2* a, GLOBAL double2* spec,
                            GLOBAL double2* work, int count) {
    int i = GID(0);
    if (i >= count) {
        return;
    }
    double rr = ref[i].x;
    double ri = ref[i].y;
    double fr = a[i].x;
    double fi = a[i].y;
    double2 p = D2(rr * fr - ri * fi, rr * fi + ri * fr);
    spec[i] = p;
    work[i] = p;
}

// maximum and minimum of the map over its h x w shifts, first occurrence in row-major map order; per work-group
// out[4 g ..] = (max value, max index, min value, min index); stride = work-items in the launch
KERNEL void ccm_extremes(GLOBAL const double2* corr, int h, int w, int fh, int fw, int stride, GLOBAL double* out) {
    LOCAL double vmax[RED];
    LOCAL double vmin[RED];
    LOCAL int imax[RED];
    LOCAL int imin[RED];
    int lid = LID(0);
    int cy = h / 2;
    int cx = w / 2;
    double bmax = 0;
    double bmin = 0;
    int amax = -1;
    int amin = -1;
    for (int i = GID(0); i < h * w; i += stride) {
        int y = i / w;
        int x = i - y * w;
        double v = corr[(long) fmod_i(y - cy, fh) * fw + fmod_i(x - cx, fw)].x;
        if (amax < 0 || v > bmax) {
            bmax = v;
            amax = i;
        }
        if (amin < 0 || v < bmin) {
            bmin = v;
            amin = i;
        }
    }
    vmax[lid] = bmax;
    imax[lid] = amax;
    vmin[lid] = bmin;
    imin[lid] = amin;
    BARRIER();
    for (int span = RED / 2; span > 0; span >>= 1) {
        if (lid < span) {
            int o = lid + span;
            if (imax[o] >= 0 && (imax[lid] < 0 || vmax[o] > vmax[lid] || (vmax[o] == vmax[lid] && imax[o] < imax[lid]))) {
                vmax[lid] = vmax[o];
                imax[lid] = imax[o];
            }
            if (imin[o] >= 0 && (imin[lid] < 0 || vmin[o] < vmin[lid] || (vmin[o] == vmin[lid] && imin[o] < imin[lid]))) {
                vmin[lid] = vmin[o];
                imin[lid] = imin[o];
            }
        }
        BARRIER();
    }
    if (lid == 0) {
        int g = GROUP(0);
        out[4 * g] = vmax[0];
        out[4 * g + 1] = (double) imax[0];
        out[4 * g + 2] = vmin[0];
        out[4 * g + 3] = (double) imin[0];
    }
}

// the largest value at shifts |sy| <= limY, |sx| <= limX (the repeated -n/2 row or column skipped), first in
// (sy, sx) order; per work-group out[2 g ..] = (value, order index)
KERNEL void ccm_limited_max(GLOBAL const double2* corr, int fh, int fw, int limY, int limX, int stride,
                            GLOBAL double* out) {
    LOCAL double vbest[RED];
    LOCAL int ibest[RED];
    int lid = LID(0);
    int nx = 2 * limX + 1;
    int total = (2 * limY + 1) * nx;
    double b = 0;
    int a = -1;
    for (int i = GID(0); i < total; i += stride) {
        int sy = i / nx - limY;
        int sx = i % nx - limX;
        if ((sy == -limY && 2 * limY == fh) || (sx == -limX && 2 * limX == fw)) {
            continue;
        }
        double v = corr[(long) fmod_i(sy, fh) * fw + fmod_i(sx, fw)].x;
        if (a < 0 || v > b) {
            b = v;
            a = i;
        }
    }
    vbest[lid] = b;
    ibest[lid] = a;
    BARRIER();
    for (int span = RED / 2; span > 0; span >>= 1) {
        if (lid < span) {
            int o = lid + span;
            if (ibest[o] >= 0 && (ibest[lid] < 0 || vbest[o] > vbest[lid] || (vbest[o] == vbest[lid] && ibest[o] < ibest[lid]))) {
                vbest[lid] = vbest[o];
                ibest[lid] = ibest[o];
            }
        }
        BARRIER();
    }
    if (lid == 0) {
        out[2 * GROUP(0)] = vbest[0];
        out[2 * GROUP(0) + 1] = (double) ibest[0];
    }
}

// the correlation at (by, bx) and its four neighbours: centre, y-1, y+1, x-1, x+1
KERNEL void ccm_gather(GLOBAL const double2* corr, int fh, int fw, int by, int bx, GLOBAL double* out) {
    if (GID(0) != 0) {
        return;
    }
    out[0] = corr[(long) fmod_i(by, fh) * fw + fmod_i(bx, fw)].x;
    out[1] = corr[(long) fmod_i(by - 1, fh) * fw + fmod_i(bx, fw)].x;
    out[2] = corr[(long) fmod_i(by + 1, fh) * fw + fmod_i(bx, fw)].x;
    out[3] = corr[(long) fmod_i(by, fh) * fw + fmod_i(bx - 1, fw)].x;
    out[4] = corr[(long) fmod_i(by, fh) * fw + fmod_i(bx + 1, fw)].x;
}

// Pearson sums on the overlap of a and b at integer shift (sy, sx), one work-item per overlap row: pass 0 gives
// (sum a, sum b), pass 1 (sum da db, sum da^2, sum db^2) about the means ma, mb
KERNEL void ccm_overlap_rows(GLOBAL const float* a, int aOff, GLOBAL const float* b, int bOff, int h, int w, int sy,
                             int sx, int pass, double ma, double mb, GLOBAL double* rows) {
    int y = GID(0);
    int oh = h - iabs(sy);
    int ow = w - iabs(sx);
    if (y >= oh) {
        return;
    }
    int ay = sy < 0 ? -sy : 0;
    int ax = sx < 0 ? -sx : 0;
    long ia = aOff + (long) (ay + y) * w + ax;
    long ib = bOff + (long) (ay + sy + y) * w + ax + sx;
    if (pass == 0) {
        double s0 = 0;
        double s1 = 0;
        for (int x = 0; x < ow; x++) {
            s0 += a[ia + x];
            s1 += b[ib + x];
        }
        rows[2 * y] = s0;
        rows[2 * y + 1] = s1;
    } else {
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int x = 0; x < ow; x++) {
            double da = a[ia + x] - ma;
            double db = b[ib + x] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        rows[3 * y] = sab;
        rows[3 * y + 1] = saa;
        rows[3 * y + 2] = sbb;
    }
}

// the normalised map base + scale corr, fft-shifted, as float32
KERNEL void ccm_map(GLOBAL const double2* corr, int h, int w, int fh, int fw, double base, double scale,
                    GLOBAL float* map, int mapOff) {
    int x = GID(0);
    int y = GID(1);
    if (x >= w || y >= h) {
        return;
    }
    double v = corr[(long) fmod_i(y - h / 2, fh) * fw + fmod_i(x - w / 2, fw)].x;
    map[mapOff + (long) y * w + x] = (float) (base + scale * v);
}

// per-axis tables of the interpolant at (y, x): col[3 k ..] = (b_k, cos b_k x, sin b_k x), row likewise with y
KERNEL void ccm_eval_tables(int fh, int fw, double y, double x, GLOBAL double* col, GLOBAL double* row) {
    int k = GID(0);
    if (k < fw) {
        int ks = k <= fw / 2 ? k : k - fw;
        double b = 2 * 3.141592653589793 * ks / fw;
        col[3 * k] = b;
        col[3 * k + 1] = cos(b * x);
        col[3 * k + 2] = sin(b * x);
    }
    if (k < fh) {
        int ks = k <= fh / 2 ? k : k - fh;
        double a = 2 * 3.141592653589793 * ks / fh;
        row[3 * k] = a;
        row[3 * k + 1] = cos(a * y);
        row[3 * k + 2] = sin(a * y);
    }
}

// one work-group per spectrum row k: the row's contributions to (f, fy, fx, fyy, fxx, fxy) of the interpolant
KERNEL void ccm_eval_rows(GLOBAL const double2* p, int fh, int fw, GLOBAL const double* col, GLOBAL const double* row,
                          GLOBAL double* out) {
    LOCAL double acc[6 * RED];
    int k = GROUP(0);
    int lid = LID(0);
    double r0 = 0;
    double i0 = 0;
    double rb = 0;
    double ib = 0;
    double rbb = 0;
    double ibb = 0;
    if (k < fh) {
        for (int j = lid; j < fw; j += RED) {
            double2 v = p[(long) k * fw + j];
            double er = col[3 * j + 1];
            double ei = col[3 * j + 2];
            double tr = v.x * er - v.y * ei;
            double ti = v.x * ei + v.y * er;
            double bj = col[3 * j];
            double bb = bj * bj;
            r0 += tr;
            i0 += ti;
            rb += bj * tr;
            ib += bj * ti;
            rbb += bb * tr;
            ibb += bb * ti;
        }
    }
    acc[lid] = r0;
    acc[RED + lid] = i0;
    acc[2 * RED + lid] = rb;
    acc[3 * RED + lid] = ib;
    acc[4 * RED + lid] = rbb;
    acc[5 * RED + lid] = ibb;
    BARRIER();
    for (int span = RED / 2; span > 0; span >>= 1) {
        if (lid < span) {
            for (int q = 0; q < 6; q++) {
                acc[q * RED + lid] += acc[q * RED + lid + span];
            }
        }
        BARRIER();
    }
    if (lid == 0 && k < fh) {
        double a = row[3 * k];
        double er = row[3 * k + 1];
        double ei = row[3 * k + 2];
        double s0 = acc[0];
        double s1 = acc[RED];
        double s2 = acc[2 * RED];
        double s3 = acc[3 * RED];
        double s4 = acc[4 * RED];
        double s5 = acc[5 * RED];
        double e0r = er * s0 - ei * s1;
        double e0i = er * s1 + ei * s0;
        double ebr = er * s2 - ei * s3;
        double ebi = er * s3 + ei * s2;
        double ebbr = er * s4 - ei * s5;
        out[6 * k] = e0r;
        out[6 * k + 1] = -a * e0i;
        out[6 * k + 2] = -ebi;
        out[6 * k + 3] = -a * a * e0r;
        out[6 * k + 4] = -ebbr;
        out[6 * k + 5] = -a * ebr;
    }
}

// the unwindowed frame as complex numbers (for its raw spectrum)
KERNEL void ccm_complex(GLOBAL const float* img, int off, int count, GLOBAL double2* out) {
    int i = GID(0);
    if (i >= count) {
        return;
    }
    out[i] = D2((double) img[off + i], 0.0);
}

// out = raw times the phase ramp of a translation; tables col[2 kx ..] = (cos, sin), row[2 ky ..] likewise
KERNEL void ccm_ramp(GLOBAL const double2* raw, GLOBAL double2* out, int h, int w, GLOBAL const double* col,
                     GLOBAL const double* row) {
    int kx = GID(0);
    int ky = GID(1);
    if (kx >= w || ky >= h) {
        return;
    }
    double cy = row[2 * ky];
    double sy = row[2 * ky + 1];
    double cx = col[2 * kx];
    double sx = col[2 * kx + 1];
    double c = cy * cx - sy * sx;
    double s = cy * sx + sy * cx;
    long i = (long) ky * w + kx;
    double re = raw[i].x;
    double im = raw[i].y;
    out[i] = D2(re * c - im * s, re * s + im * c);
}

// real parts rounded to float32
KERNEL void ccm_real(GLOBAL const double2* a, int count, GLOBAL float* out) {
    int i = GID(0);
    if (i >= count) {
        return;
    }
    out[i] = (float) a[i].x;
}

// separable 6-tap (Lanczos-3) shift with nearest borders along x: taps at x + base - 2 .. x + base + 3
KERNEL void ccm_shift_rows(GLOBAL const float* src, int off, int h, int w, GLOBAL const double* wts, int wOff,
                           int base, GLOBAL float* dst) {
    int x = GID(0);
    int y = GID(1);
    if (x >= w || y >= h) {
        return;
    }
    double acc = 0;
    for (int t = 0; t < 6; t++) {
        int xi = min(max(x + base - 2 + t, 0), w - 1);
        acc += wts[wOff + t] * src[off + (long) y * w + xi];
    }
    dst[(long) y * w + x] = (float) acc;
}

// the same along y
KERNEL void ccm_shift_cols(GLOBAL const float* src, int h, int w, GLOBAL const double* wts, int wOff, int base,
                           GLOBAL float* dst) {
    int x = GID(0);
    int y = GID(1);
    if (x >= w || y >= h) {
        return;
    }
    double acc = 0;
    for (int t = 0; t < 6; t++) {
        int yi = min(max(y + base - 2 + t, 0), h - 1);
        acc += wts[wOff + t] * src[(long) yi * w + x];
    }
    dst[(long) y * w + x] = (float) acc;
}
