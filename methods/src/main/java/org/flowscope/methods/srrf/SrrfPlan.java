package org.flowscope.methods.srrf;

import org.flowscope.methods.numerics.interpolation.Kernel;

/**
 * Tables shared by every pixel and frame of a given shape and parameters, used by the threaded implementation.
 *
 * <p>Ring point {@code k} of output column {@code i} samples the gradients at input column {@code x0 / M}, with
 * {@code x0 = (i + 0.5) + x_k} in float, exactly as the reference computes it: its four Catmull-Rom taps start at
 * column {@code tapX[k * wm + i]} with weights {@code wX[(k * wm + i) * 4 ..]}; rows likewise. The positions must be
 * the reference's to the bit: where a ring point falls exactly on a pixel centre whose gradient is 0 (NanoPyx's
 * border), the interpolated gradient is exactly 0 and contributes nothing, while a position one rounding away would
 * give a gradient of ~1e-9 with an arbitrary direction and a full term. Taps beyond the frame are read from a padded
 * row (edge value when centred, 0 for NanoPyx, whose skipped taps contribute nothing). The magnified image has 4 taps
 * per output row and column ({@code imgTapY}, {@code imgWY}, ...; a tap NanoPyx skips has weight 0).
 */
final class SrrfPlan {
    static final int N = SrrfParams.RING_POINTS;

    final Geometry geo;
    final int m;
    final int h;
    final int w;
    final int hm;
    final int wm;
    final int margin;
    final boolean positivity;
    final boolean weighting;
    /** Ring offsets from the pixel centre to the ring point, divided by the ring radius (output pixels / R). */
    final float[] dxOverR;
    final float[] dyOverR;
    /** The ring offsets themselves (output pixels), for the sign test. */
    final float[] ringX;
    final float[] ringY;
    /** [k * wm + i]: first tap column; [(k * wm + i) * 4 + t]: weights; whether NanoPyx's query is outside. */
    final int[] tapX;
    final float[] wX;
    final boolean[] outsideX;
    final int[] tapY;
    final float[] wY;
    final boolean[] outsideY;
    /** Columns of padding on each side of a vertically filtered gradient row. */
    final int pad;
    /** Smallest and largest tap row or column offset from {@code i / M} (the gradient rows a band needs). */
    final int minTap;
    final int maxTap;
    final int[] imgTapY;
    final float[] imgWY;
    final int[] imgTapX;
    final float[] imgWX;

    SrrfPlan(SrrfParams p, int h, int w) {
        this.geo = p.geometry();
        this.m = p.magnification();
        this.h = h;
        this.w = w;
        this.hm = h * m;
        this.wm = w * m;
        this.margin = Math.min(geo.margin(p.border(), m), Math.max(hm, wm));
        this.positivity = p.positivityConstraint();
        this.weighting = p.intensityWeighting();
        float[] ring = p.ring();
        float radius = p.magnifiedRingRadius();
        ringX = new float[N];
        ringY = new float[N];
        dxOverR = new float[N];
        dyOverR = new float[N];
        for (int k = 0; k < N; k++) {
            ringX[k] = ring[2 * k];
            ringY[k] = ring[2 * k + 1];
            dxOverR[k] = -ringX[k] / radius;
            dyOverR[k] = -ringY[k] / radius;
        }
        tapX = new int[N * wm];
        wX = new float[4 * N * wm];
        outsideX = new boolean[N * wm];
        int[] rangeX = ringTaps(wm, w, ringX, tapX, wX, outsideX);
        tapY = new int[N * hm];
        wY = new float[4 * N * hm];
        outsideY = new boolean[N * hm];
        int[] rangeY = ringTaps(hm, h, ringY, tapY, wY, outsideY);
        minTap = Math.min(rangeX[0], rangeY[0]);
        maxTap = Math.max(rangeX[1], rangeY[1]);
        pad = Math.max(Math.max(-minTap, maxTap), 0) + 1;
        imgTapY = new int[4 * hm];
        imgWY = new float[4 * hm];
        imageTaps(hm, h, imgTapY, imgWY);
        imgTapX = new int[4 * wm];
        imgWX = new float[4 * wm];
        imageTaps(wm, w, imgTapX, imgWX);
    }

    /**
     * Taps of every ring point of every output position along one axis; returns the smallest first tap and the largest
     * last tap relative to {@code i / M}.
     */
    private int[] ringTaps(int outLen, int inLen, float[] offsets, int[] taps, float[] weights, boolean[] outside) {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int k = 0; k < N; k++) {
            for (int i = 0; i < outLen; i++) {
                int at = k * outLen + i;
                float pos = position(i, offsets[k], m);
                outside[at] = geo == Geometry.NANOPYX && (pos < 0 || pos >= inLen);
                int r0 = (int) Math.floor(pos - 0.5) - 1;
                taps[at] = r0;
                for (int t = 0; t < 4; t++) {
                    weights[4 * at + t] = (float) Kernel.CATMULL_ROM.weight(pos - (r0 + t + 0.5));
                }
                lo = Math.min(lo, r0 - i / m);
                hi = Math.max(hi, r0 + 3 - i / m);
            }
        }
        return new int[] {lo, hi};
    }

    /** The input coordinate ring point {@code offset} of output position {@code i} samples, in float as NanoPyx. */
    static float position(int i, float offset, int m) {
        float centre = (float) (i + 0.5);
        return (centre + offset) / m;
    }

    private void imageTaps(int outLen, int inLen, int[] idx, float[] wts) {
        for (int i = 0; i < outLen; i++) {
            double y = geo.sampling().position(i, m);
            int r0 = (int) Math.floor(y - 0.5);
            for (int t = 0; t < 4; t++) {
                int r = r0 - 1 + t;
                boolean inside = r >= 0 && r < inLen;
                idx[4 * i + t] = Math.min(Math.max(r, 0), inLen - 1);
                wts[4 * i + t] = geo == Geometry.NANOPYX && !inside ? 0f
                        : (float) Kernel.CATMULL_ROM.weight(y - (r + 0.5));
            }
        }
    }
}
