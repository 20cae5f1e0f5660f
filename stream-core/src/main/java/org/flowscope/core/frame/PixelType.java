package org.flowscope.core.frame;

/** Pixel storage types a camera or file can deliver. Unsigned types are read without sign extension. */
public enum PixelType {
    U8(1),
    U16(2),
    F32(4);

    private final int bytes;

    PixelType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per pixel. */
    public int bytes() {
        return bytes;
    }
}
