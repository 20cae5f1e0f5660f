package org.flowscope.methods.nlm;

/**
 * NumPy's {@code np.pad(..., mode='reflect')}: the image mirrored about its first and last rows and columns, the
 * edge not repeated ({@code ... c b | a b c ... | b a ...} for a row starting {@code a b c}). Pads wider than the
 * image repeat the reflection, so index {@code i} maps to {@code i} folded into the period {@code 2(n-1)}; a
 * one-pixel side is repeated. Both NLM operations pad each frame this way before comparing patches.
 */
public final class MirrorPad {
    /** Most floats a chunk of padded frames for a GPU holds on the host (1 GiB; far below Java's array limit). */
    public static final long MAX_CHUNK_FLOATS = 1L << 28;

    private MirrorPad() {
    }

    /** The source index of padded index {@code i} (relative to the image's first pixel) on a side of {@code n}. */
    public static int index(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int k = Math.floorMod(i, period);
        return k >= n ? period - k : k;
    }

    /**
     * Frames {@code [from, from + n)} of {@code stack}, each padded by {@code pad}, one after the other: the upload of
     * a chunk of frames to a GPU.
     */
    public static float[] frames(org.flowscope.core.image.ImageStack stack, int from, int n, int pad) {
        int h = stack.height();
        int w = stack.width();
        int size = Math.multiplyExact(h + 2 * pad, w + 2 * pad);
        float[] out = new float[Math.multiplyExact(size, n)];
        for (int k = 0; k < n; k++) {
            float[] one = frame(stack.data(), stack.offset(from + k), h, w, pad);
            System.arraycopy(one, 0, out, k * size, size);
        }
        return out;
    }

    /**
     * Frame {@code f} of a stack ({@code h} rows by {@code w} columns at {@code data[offset ...]}) padded by
     * {@code pad} pixels on every side: {@code (h + 2 pad)} rows of {@code (w + 2 pad)} floats.
     */
    public static float[] frame(float[] data, int offset, int h, int w, int pad) {
        int hp = h + 2 * pad;
        int wp = w + 2 * pad;
        float[] out = new float[Math.multiplyExact(hp, wp)];
        int[] cols = new int[wp];
        for (int c = 0; c < wp; c++) {
            cols[c] = index(c - pad, w);
        }
        for (int r = 0; r < hp; r++) {
            int src = offset + index(r - pad, h) * w;
            int dst = r * wp;
            System.arraycopy(data, src, out, dst + pad, w);
            for (int c = 0; c < pad; c++) {
                out[dst + c] = data[src + cols[c]];
                out[dst + pad + w + c] = data[src + cols[pad + w + c]];
            }
        }
        return out;
    }
}
