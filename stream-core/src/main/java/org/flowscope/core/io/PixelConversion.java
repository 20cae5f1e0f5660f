package org.flowscope.core.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.flowscope.core.frame.PixelType;
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

    /**
     * Puts the first {@code n} pixels of {@code px}, which must be of {@code type}, into {@code dst} from position 0 as
     * little-endian bytes, and leaves {@code dst} ready to be written: position 0, limit {@code n * type.bytes()}.
     */
    public static ByteBuffer putLittleEndian(PixelData px, PixelType type, int n, ByteBuffer dst) {
        if (px.length() != n) {
            throw new IllegalArgumentException("frame has " + px.length() + " pixels, expected " + n);
        }
        ByteBuffer buf = dst.clear().order(ByteOrder.LITTLE_ENDIAN);
        if (px instanceof PixelData.U16 u && type == PixelType.U16) {
            buf.asShortBuffer().put(u.pixels(), 0, n);
        } else if (px instanceof PixelData.F32 f && type == PixelType.F32) {
            buf.asFloatBuffer().put(f.pixels(), 0, n);
        } else if (px instanceof PixelData.U8 b && type == PixelType.U8) {
            buf.put(b.pixels(), 0, n);
        } else {
            throw new IllegalArgumentException("frame type " + px.getClass().getSimpleName()
                    + " does not match writer type " + type);
        }
        return buf.position(0).limit(n * type.bytes());
    }
}
