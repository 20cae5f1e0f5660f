package org.flowscope.methods.esrrf;

import org.flowscope.methods.numerics.interpolation.Kernel;
import org.flowscope.methods.rgc.RgcCpu;
import org.flowscope.methods.rgc.RgcParams;

/**
 * Tables shared by all pixels of every frame of a given shape and parameters, used by the threaded, OpenCL and CUDA
 * implementations.
 *
 * <p>The lattice offsets {@code v - c} of the samples of output pixel {@code c = qM + s} depend only on its phase
 * {@code s}, so each of the M&times;M phases has one list of samples: lattice offset, unit direction {@code (ux, uy)}
 * from the pixel centre and distance weight {@code w}, and the weight sum for a pixel whose samples all lie inside
 * the lattice. The Catmull-Rom taps of the magnified image are tabulated per output row and column (4 clamped
 * indices, 4 weights; a tap NanoPyx skips has weight 0).
 */
final class EsrrfPlan {
    final Geometry geo;
    final int m;
    final int h;
    final int w;
    final int hm;
    final int wm;
    final int lw;
    final int n;
    final int margin;
    final int kMin;
    final int kyMax;
    final int kxMax;
    final float sensitivity;
    final boolean weighting;
    /** First lattice index of the sample window per output row / column; samples are relative to it. */
    final int[] baseY;
    final int[] baseX;
    /** Window length minus one per phase, rows / columns. */
    final int[] spanY;
    final int[] spanX;
    /** Samples of phase {@code ph = sy M + sx} are {@code [start[ph], start[ph+1])}. */
    final int[] start;
    final int[] dj;
    final int[] di;
    final float[] ux;
    final float[] uy;
    final float[] wt;
    final float[] wsum;
    /** Interleaved {@code (ux, uy, w)} per sample and the sample's lattice offset {@code dj lw + di}. */
    final float[] packed;
    final int[] off;
    /** Per output column: phase {@code j mod M} and whether all its samples are interior columns. */
    final int[] phaseX;
    final boolean[] insideX;
    /**
     * Per column phase {@code sx}: the columns {@code j = q M + sx}, {@code q in [interiorLo, interiorHi)}, outside
     * the margins whose samples all lie inside the lattice (the same for every interior row).
     */
    final int[] interiorLo;
    final int[] interiorHi;
    /** Per column phase {@code sx}: the columns {@code q in [firstColumn, lastColumn)} outside the margins. */
    final int[] firstColumn;
    final int[] lastColumn;
    /** Image taps: rows {@code tapY[4i..4i+3]} with weights {@code wY[..]}, columns likewise. */
    final int[] tapY;
    final float[] wY;
    final int[] tapX;
    final float[] wX;

    EsrrfPlan(EsrrfParams p, int h, int w) {
        this.geo = p.geometry();
        this.m = p.magnification();
        this.h = h;
        this.w = w;
        this.hm = h * m;
        this.wm = w * m;
        this.lw = 2 * w + 1;
        RgcParams rp = p.rgc();
        this.n = rp.latticeHalfWidth();
        this.margin = Math.min(Lattice.margin(geo, p.radius(), m), Math.max(hm, wm));
        this.kMin = Lattice.minIndex(geo);
        this.kyMax = Lattice.maxIndex(geo, h, m);
        this.kxMax = Lattice.maxIndex(geo, w, m);
        this.sensitivity = p.sensitivity();
        this.weighting = p.intensityWeighting();
        this.baseY = bases(hm);
        this.baseX = bases(wm);
        this.spanY = spans();
        this.spanX = spans();
        int side = 2 * n + 2;
        int phases = m * m;
        start = new int[phases + 1];
        dj = new int[phases * side * side];
        di = new int[dj.length];
        ux = new float[dj.length];
        uy = new float[dj.length];
        wt = new float[dj.length];
        wsum = new float[phases];
        float tSS = rp.tSS();
        float tSO = rp.tSO();
        int k = 0;
        for (int sy = 0; sy < m; sy++) {
            for (int sx = 0; sx < m; sx++) {
                int ph = sy * m + sx;
                start[ph] = k;
                float sum = 0;
                for (int j = 0; j <= spanY[sy]; j++) {
                    float dy = Lattice.offset(geo, baseY[sy] + j, sy, m);
                    for (int i = 0; i <= spanX[sx]; i++) {
                        float dx = Lattice.offset(geo, baseX[sx] + i, sx, m);
                        float d = (float) Math.sqrt(dx * dx + dy * dy);
                        if (d == 0 || d > tSO) {
                            continue;
                        }
                        dj[k] = j;
                        di[k] = i;
                        ux[k] = dx / d;
                        uy[k] = dy / d;
                        wt[k] = RgcCpu.distanceWeight(d, tSS);
                        sum += wt[k];
                        k++;
                    }
                }
                wsum[ph] = sum;
            }
        }
        start[phases] = k;
        packed = new float[3 * k];
        off = new int[k];
        for (int s = 0; s < k; s++) {
            packed[3 * s] = ux[s];
            packed[3 * s + 1] = uy[s];
            packed[3 * s + 2] = wt[s];
            off[s] = dj[s] * lw + di[s];
        }
        phaseX = new int[wm];
        insideX = new boolean[wm];
        for (int j = 0; j < wm; j++) {
            phaseX[j] = j % m;
            insideX[j] = interiorCol(j);
        }
        interiorLo = new int[m];
        interiorHi = new int[m];
        firstColumn = new int[m];
        lastColumn = new int[m];
        for (int sx = 0; sx < m; sx++) {
            int lo = w;
            int hi = 0;
            int first = w;
            int last = 0;
            for (int q = 0; q < w; q++) {
                int j = q * m + sx;
                if (j >= margin && j < wm - margin) {
                    first = Math.min(first, q);
                    last = q + 1;
                    if (insideX[j]) {
                        lo = Math.min(lo, q);
                        hi = q + 1;
                    }
                }
            }
            interiorLo[sx] = hi > lo ? lo : 0;
            interiorHi[sx] = hi > lo ? hi : 0;
            firstColumn[sx] = last > first ? first : 0;
            lastColumn[sx] = last > first ? last : 0;
        }
        tapY = new int[4 * hm];
        wY = new float[4 * hm];
        taps(hm, h, 0f, tapY, wY);
        tapX = new int[4 * wm];
        wX = new float[4 * wm];
        taps(wm, w, 0f, tapX, wX);
    }

    private int[] bases(int len) {
        int[] b = new int[len];
        for (int c = 0; c < len; c++) {
            b[c] = Lattice.lo(geo, c, m, n);
        }
        return b;
    }

    private int[] spans() {
        int[] s = new int[m];
        for (int c = 0; c < m; c++) {
            s[c] = Lattice.hi(geo, c, m, n) - Lattice.lo(geo, c, m, n);
        }
        return s;
    }

    /**
     * The Catmull-Rom taps of the magnified image along one axis of {@code inLen} input pixels, sampled
     * {@code shift} input pixels away from the output pixels' usual positions (a frame's drift; 0 normally).
     */
    void taps(int outLen, int inLen, float shift, int[] idx, float[] wts) {
        for (int i = 0; i < outLen; i++) {
            double y = geo.sampling().position(i, m) + shift;
            int r0 = (int) Math.floor(y - 0.5);
            // NanoPyx's interpolator gives 0 for a point outside the image (only a shifted frame has such points)
            boolean pointOutside = geo == Geometry.NANOPYX && (y < 0 || y >= inLen);
            for (int t = 0; t < 4; t++) {
                int r = r0 - 1 + t;
                boolean inside = r >= 0 && r < inLen;
                idx[4 * i + t] = Math.min(Math.max(r, 0), inLen - 1);
                wts[4 * i + t] = geo == Geometry.NANOPYX && (!inside || pointOutside) ? 0f
                        : (float) Kernel.CATMULL_ROM.weight(y - (r + 0.5));
            }
        }
    }

    /** Number of samples per pixel at most. */
    int maxSamples() {
        int max = 0;
        for (int ph = 0; ph < m * m; ph++) {
            max = Math.max(max, start[ph + 1] - start[ph]);
        }
        return max;
    }

    /** Whether all samples of output row {@code i} (as a row) are valid lattice rows without clamping. */
    boolean interiorRow(int i) {
        return baseY[i] >= kMin && baseY[i] + spanY[i % m] <= Math.min(kyMax, 2 * h);
    }

    boolean interiorCol(int j) {
        return baseX[j] >= kMin && baseX[j] + spanX[j % m] <= Math.min(kxMax, 2 * w);
    }

    /** Sensitivity, clamp and intensity weighting of a normalised convergence. */
    float finish(float rgc, float intensity) {
        if (rgc >= 0 && sensitivity > 1) {
            rgc = (float) Math.pow(rgc, sensitivity);
        }
        if (rgc < 0) {
            rgc = 0;
        }
        return weighting ? rgc * intensity : rgc;
    }
}
