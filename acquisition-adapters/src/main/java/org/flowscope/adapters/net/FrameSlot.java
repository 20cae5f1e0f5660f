package org.flowscope.adapters.net;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.source.PixelData;

/**
 * A reusable frame buffer of one {@link ClientConnection}: the raw little-endian bytes read from the channel (a
 * direct buffer, so the read copies nothing) and the typed array the pipeline sees, decoded into once per frame.
 */
final class FrameSlot {
    final ByteBuffer raw;
    final PixelData pixels;

    FrameSlot(PixelType type, int pixelCount) {
        raw = ByteBuffer.allocateDirect(pixelCount * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        pixels = switch (type) {
            case U8 -> new PixelData.U8(new byte[pixelCount]);
            case U16 -> new PixelData.U16(new short[pixelCount]);
            case F32 -> new PixelData.F32(new float[pixelCount]);
        };
    }

    void decode() {
        raw.flip();
        if (pixels instanceof PixelData.U16 u16) {
            raw.asShortBuffer().get(u16.pixels());
        } else if (pixels instanceof PixelData.F32 f32) {
            raw.asFloatBuffer().get(f32.pixels());
        } else if (pixels instanceof PixelData.U8 u8) {
            raw.get(u8.pixels());
        }
        raw.clear();
    }
}
