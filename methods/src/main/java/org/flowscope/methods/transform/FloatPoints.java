package org.flowscope.methods.transform;

import org.flowscope.core.image.ImageStack;

/**
 * The CPU twin of {@code transform_device.h}, behind {@link TransformCpuThreaded}: the family's point evaluation in
 * float32 with the codes of {@link TransformKernels} and scratch arrays reused across a row block, so no per-pixel
 * allocation. The positions are the host products of {@link TransformKernels.Plan} added as on the device, so it reads
 * the taps the reference reads; weights and sums are float32 against the reference's double (about 1e-7 relative,
 * within {@link Transform#tolerance()}).
 */
final class FloatPoints {
    private static final int NEAREST = 0;
    private static final int LINEAR = 1;
    private static final int CATMULL_ROM = 2;
    private static final int LANCZOS3 = 3;
    private static final int CLAMP = 1;
    private static final int TRUNCATE = 2;
    private static final int USED_TAPS = 1;
    private static final int UNIT_SUM = 2;

    private FloatPoints() {
    }

    /** Output rows {@code from..to-1} of frame {@code f} into {@code out} (the whole output stack). */
    static void rows(TransformKernels.Plan p, ImageStack in, int f, int from, int to, float[] out) {
        int h = p.h();
        int w = p.w();
        float[] img = in.data();
        int off = in.offset(f);
        float[] wr = new float[6];
        int[] ir = new int[6];
        for (int i = from; i < to; i++) {
            int o = off + i * w;
            float bv = p.bv()[i];
            float dv = p.dv()[i];
            for (int j = 0; j < w; j++) {
                float x = (p.au()[j] + bv) + p.map().cc();
                float y = (p.cu()[j] + dv) + p.map().cr();
                out[o + j] = sample(img, off, h, w, y, x, p.kind(), p.border(), p.norm(), wr, ir);
            }
        }
    }

    private static float sample(float[] img, int off, int h, int w, float y, float x, int kind, int border, int norm,
            float[] wr, int[] ir) {
        if (border == TRUNCATE) {
            int r = (int) y;
            int c = (int) x;
            if (r < 0 || r >= h || c < 0 || c >= w || y <= -1f || x <= -1f) {
                return 0f;
            }
            return img[off + r * w + c];
        }
        if (!(y >= 0f && y < h && x >= 0f && x < w)) {
            return 0f;
        }
        int taps = taps(kind);
        int r0 = first(kind, y);
        int c0 = first(kind, x);
        float usedR = 0f;
        float allR = 0f;
        for (int t = 0; t < taps; t++) {
            int k = r0 + t;
            wr[t] = weight(kind, y - ((float) k + 0.5f));
            ir[t] = index(k, h, border);
            allR += wr[t];
            if (ir[t] >= 0) {
                usedR += wr[t];
            }
        }
        float q = 0f;
        float usedC = 0f;
        float allC = 0f;
        for (int s = 0; s < taps; s++) {
            int k = c0 + s;
            float wc = weight(kind, x - ((float) k + 0.5f));
            allC += wc;
            int ic = index(k, w, border);
            if (ic >= 0) {
                usedC += wc;
                float pc = 0f;
                for (int t = 0; t < taps; t++) {
                    if (ir[t] >= 0) {
                        pc += img[off + ir[t] * w + ic] * wr[t];
                    }
                }
                q += pc * wc;
            }
        }
        if (norm == USED_TAPS) {
            float d = usedR * usedC;
            return d == 0f ? 0f : q / d;
        }
        if (norm == UNIT_SUM) {
            float d = allR * allC;
            return d == 0f ? 0f : q / d;
        }
        return q;
    }

    private static int taps(int kind) {
        return switch (kind) {
            case NEAREST -> 1;
            case LINEAR -> 2;
            case CATMULL_ROM -> 4;
            case LANCZOS3 -> 6;
            default -> 5;
        };
    }

    private static int first(int kind, float pos) {
        if (kind == NEAREST) {
            return (int) Math.floor(pos);
        }
        int first = kind == LINEAR ? 0 : kind == CATMULL_ROM ? -1 : -2;
        return (int) Math.floor(pos - 0.5f) + first;
    }

    private static float weight(int kind, float t) {
        float a = Math.abs(t);
        switch (kind) {
            case NEAREST:
                return t >= -0.5f && t < 0.5f ? 1f : 0f;
            case LINEAR:
                return a < 1f ? 1f - a : 0f;
            case CATMULL_ROM:
                if (a < 1f) {
                    return a * a * (1.5f * a - 2.5f) + 1f;
                }
                if (a < 2f) {
                    return ((-0.5f * a + 2.5f) * a - 4f) * a + 2f;
                }
                return 0f;
            case LANCZOS3:
                return lanczos(t, 3f);
            default:
                return lanczos(t, 4f);
        }
    }

    private static float lanczos(float t, float a) {
        float at = Math.abs(t);
        if (at < 1e-12f) {
            return 1f;
        }
        if (at >= a) {
            return 0f;
        }
        double pt = Math.PI * t;
        return (float) (a * Math.sin(pt) * Math.sin(pt / a) / (pt * pt));
    }

    private static int index(int k, int n, int border) {
        if (k >= 0 && k < n) {
            return k;
        }
        return border == CLAMP ? (k < 0 ? 0 : n - 1) : -1;
    }
}
