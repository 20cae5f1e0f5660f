package org.flowscope.core.io;

import org.flowscope.core.source.PixelData;

/** Conversions between a source's pixel arrays and float32; unsigned values are read without sign extension. */
public final class PixelConversion {
    private PixelConversion() {
    }

    /** Copies the first {@code n} pixels of {@code px} into {@code dst[dstOffset..]} as floats, values unchanged. */
    public static void toFloat(PixelData px, float[] dst, int dstOffset, int n) {
        if (px.length() < n) {
            throw new IllegalArgumentException("pixel data holds " + px.length() + " values, need " + n);
        }
        if (px instanceof PixelData.U8 u) {
            byte[] a = u.pixels();
            for (int i = 0; i < n; i++) {
                dst[dstOffset + i] = a[i] & 0xFF;
            }
        } else if (px instanceof PixelData.U16 u) {
            short[] a = u.pixels();
            for (int i = 0; i < n; i++) {
                dst[dstOffset + i] = a[i] & 0xFFFF;
            }
        } else if (px instanceof PixelData.F32 f) {
            System.arraycopy(f.pixels(), 0, dst, dstOffset, n);
        } else {
            throw new IllegalArgumentException("unknown pixel data " + px.getClass().getName());
        }
    }

    /**
     * Rounds a float to the nearest u16 value; NaN and values outside [0, 65535] after rounding are rejected with
     * the value and its position (frame, index) in the message.
     */
    public static short toU16(float v, int frame, int index) {
        long r = Math.round((double) v);
        if (Float.isNaN(v) || r < 0 || r > 65535) {
            throw new IllegalArgumentException("pixel value " + v + " at frame " + frame + ", pixel " + index
                    + " does not fit u16 [0, 65535]; write float32 instead");
        }
        return (short) r;
    }
}
