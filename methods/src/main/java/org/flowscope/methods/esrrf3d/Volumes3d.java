package org.flowscope.methods.esrrf3d;

import org.flowscope.methods.numerics.interpolation.Interpolator;
import org.flowscope.methods.numerics.interpolation.Sampling;

/**
 * The input-resolution steps of eSRRF 3-D on one volume ({@code z x h x w}, z slowest): the three gradients, and the
 * magnification onto the output grid ({@code zm x hm x wm}). Slice ranges let the threaded implementation split the
 * work; the arithmetic is the same whatever the split.
 */
final class Volumes3d {
    private Volumes3d() {
    }

    /**
     * Gradients along x (columns), y (rows) and z (slices) of the volume at {@code src[off ..]} for slices
     * {@code [s0, s1)}, with neighbours clamped to the volume: {@code (I[x+1] - I[x-1]) / 2} along x and y;
     * along z the same central difference when centred, NanoPyx's halved backward difference
     * {@code (I[z] - I[z-1]) / 2} otherwise (spec &sect;3.4).
     */
    static void gradients(Esrrf3dPlan p, float[] src, int off, float[] gx, float[] gy, float[] gz, int s0, int s1) {
        int h = p.h;
        int w = p.w;
        int plane = h * w;
        boolean centred = p.geo == Geometry.CENTRED;
        for (int s = s0; s < s1; s++) {
            int zp = Math.min(s + 1, p.z - 1);
            int zq = Math.max(s - 1, 0);
            for (int y = 0; y < h; y++) {
                int yp = Math.min(y + 1, h - 1);
                int yq = Math.max(y - 1, 0);
                for (int x = 0; x < w; x++) {
                    int xp = Math.min(x + 1, w - 1);
                    int xq = Math.max(x - 1, 0);
                    int i = s * plane + y * w + x;
                    float c = src[off + i];
                    gx[i] = (src[off + s * plane + y * w + xp] - src[off + s * plane + y * w + xq]) / 2;
                    gy[i] = (src[off + s * plane + yp * w + x] - src[off + s * plane + yq * w + x]) / 2;
                    float above = centred ? src[off + zp * plane + y * w + x] : c;
                    gz[i] = (above - src[off + zq * plane + y * w + x]) / 2;
                }
            }
        }
    }

    /**
     * Magnifies input slices {@code [s0, s1)} of the volume at {@code src[off ..]} laterally into
     * {@code xy[s * hm * wm ..]}: NanoPyx's Catmull-Rom at {@code i/M} (none at M = 1), or the centred one.
     */
    static void magnifyXy(Esrrf3dPlan p, float[] src, int off, float[] xy, int s0, int s1) {
        int plane = p.h * p.w;
        int planeM = p.hm * p.wm;
        if (p.geo == Geometry.NANOPYX && p.mxy == 1) {
            System.arraycopy(src, off + s0 * plane, xy, s0 * planeM, (s1 - s0) * plane);
            return;
        }
        Interpolator ip = p.geo == Geometry.NANOPYX ? Interpolator.NANOPYX_CATMULL_ROM : Esrrf3dPlan.EDGE_CATMULL_ROM;
        Sampling sampling = p.geo == Geometry.NANOPYX ? Sampling.NANOPYX : Sampling.CENTRED;
        double[] ys = new double[p.hm];
        double[] xs = new double[p.wm];
        for (int i = 0; i < p.hm; i++) {
            ys[i] = sampling.position(i, p.mxy);
        }
        for (int i = 0; i < p.wm; i++) {
            xs[i] = sampling.position(i, p.mxy);
        }
        for (int s = s0; s < s1; s++) {
            ip.grid(src, off + s * plane, p.h, p.w, ys, xs, xy, s * planeM);
        }
    }

    /**
     * Output slices {@code [sm0, sm1)} from the laterally magnified slices {@code xy}: each output voxel combines the
     * input slices of its z taps ({@link Esrrf3dPlan#tapsZ}: NanoPyx's replication, or centred Catmull-Rom), in
     * double, taps in order, rounded to float.
     */
    static void magnifyZ(Esrrf3dPlan p, float[] xy, float[] out, int sm0, int sm1) {
        magnifyZ(p, xy, out, 1, 0, sm0, sm1);
    }

    /** As {@link #magnifyZ(Esrrf3dPlan, float[], float[], int, int)}, voxel i written to {@code out[i stride + at]}. */
    static void magnifyZ(Esrrf3dPlan p, float[] xy, float[] out, int stride, int at, int sm0, int sm1) {
        int planeM = p.hm * p.wm;
        int[] idx = p.tapsZ.index();
        double[] wt = p.tapsZ.weight();
        for (int sm = sm0; sm < sm1; sm++) {
            int t0 = sm * Esrrf3dPlan.TAPS;
            for (int i = 0; i < planeM; i++) {
                double q = 0;
                for (int t = t0; t < t0 + Esrrf3dPlan.TAPS; t++) {
                    if (idx[t] >= 0) {
                        q += xy[idx[t] * planeM + i] * wt[t];
                    }
                }
                out[(sm * planeM + i) * stride + at] = (float) q;
            }
        }
    }
}
