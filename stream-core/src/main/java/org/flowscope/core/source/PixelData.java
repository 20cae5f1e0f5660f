package org.flowscope.core.source;

/**
 * Pixels as a source hands them over, in the source's own array type. The receiver copies them before
 * returning, so a source may reuse its arrays. 8- and 16-bit values are unsigned: read them with
 * {@code b & 0xFF} and {@code s & 0xFFFF}.
 */
public sealed interface PixelData {
    int length();

    record U8(byte[] pixels) implements PixelData {
        public int length() {
            return pixels.length;
        }
    }

    record U16(short[] pixels) implements PixelData {
        public int length() {
            return pixels.length;
        }
    }

    record F32(float[] pixels) implements PixelData {
        public int length() {
            return pixels.length;
        }
    }
}
