package org.flowscope.adapters.mm;

import java.util.OptionalLong;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.source.PixelData;

/** Reads what MMCore hands over: pixel arrays from the JNI typemap, and metadata tags stored as strings. */
final class MmFrames {
    private MmFrames() {
    }

    /**
     * Wraps a popped pixel array as flowscope pixels without copying.
     *
     * @throws MmCoreException when the array no longer matches the format the acquisition started with
     */
    static PixelData pixels(String camera, Object pixels, PixelType type, int width, int height) {
        PixelData data;
        if (pixels instanceof byte[] b && type == PixelType.U8) {
            data = new PixelData.U8(b);
        } else if (pixels instanceof short[] s && type == PixelType.U16) {
            data = new PixelData.U16(s);
        } else {
            throw new MmCoreException("mm: " + camera + " returned a " + pixels.getClass().getSimpleName()
                    + " frame but the acquisition started as " + type + "; the pixel type changed during acquisition");
        }
        if (data.length() != width * height) {
            throw new MmCoreException("mm: " + camera + " returned " + data.length() + " pixels, expected "
                    + width + "x" + height + "; the frame size changed during acquisition");
        }
        return data;
    }

    /** An integer tag ({@code "ImageNumber" -> "17"}), or −1 when absent or not a number. */
    static long longTag(MmImage image, String key) {
        String value = image.tags().get(key);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            try {
                return (long) Double.parseDouble(value.trim());
            } catch (NumberFormatException e2) {
                return -1;
            }
        }
    }

    /** {@code ElapsedTime-ms} in nanoseconds, when the camera adapter set it. */
    static OptionalLong elapsedNs(MmImage image) {
        String value = image.tags().get(MmImage.ELAPSED_TIME_MS);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Math.round(Double.parseDouble(value.trim()) * 1e6));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
