package org.flowscope.mmplugin;

/**
 * One frame waiting to be sent: a reference to the image's pixel array (Micro-Manager images are immutable, so
 * holding the reference is safe and costs nothing on Micro-Manager's thread) and the metadata the wire header
 * carries.
 */
public final class OutgoingFrame {
    /** Pixel type code of 8-bit unsigned frames ({@code byte[]}). */
    public static final int PIXEL_U8 = WireFormat.PIXEL_U8;
    /** Pixel type code of 16-bit unsigned frames ({@code short[]}). */
    public static final int PIXEL_U16 = WireFormat.PIXEL_U16;
    final int width;
    final int height;
    final int pixelType;
    final Object pixels;
    final long sequence;
    final long timeNs;
    final double pixelSizeNm;
    final int channel;

    /**
     * @param pixelType   {@link #PIXEL_U8} with a {@code byte[]} or {@link #PIXEL_U16} with a
     *                    {@code short[]} of {@code width * height} values (read unsigned)
     * @param sequence    the camera's image number, or -1
     * @param timeNs      acquisition time in ns since the acquisition started
     * @param pixelSizeNm pixel size in nm, NaN when unknown
     */
    public OutgoingFrame(int width, int height, int pixelType, Object pixels, long sequence, long timeNs,
                         double pixelSizeNm, int channel) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        int length = pixels instanceof byte[] ? ((byte[]) pixels).length
                : pixels instanceof short[] ? ((short[]) pixels).length : -1;
        boolean typeMatches = (pixelType == WireFormat.PIXEL_U8 && pixels instanceof byte[])
                || (pixelType == WireFormat.PIXEL_U16 && pixels instanceof short[]);
        if (!typeMatches) {
            throw new IllegalArgumentException("pixel type " + pixelType + " needs byte[] (1) or short[] (2), got "
                    + (pixels == null ? "null" : pixels.getClass().getSimpleName()));
        }
        if (length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " frame needs " + width * height
                    + " pixels, got " + length);
        }
        this.width = width;
        this.height = height;
        this.pixelType = pixelType;
        this.pixels = pixels;
        this.sequence = sequence;
        this.timeNs = timeNs;
        this.pixelSizeNm = pixelSizeNm;
        this.channel = channel;
    }

    int payloadBytes() {
        return width * height * (pixelType == WireFormat.PIXEL_U8 ? 1 : 2);
    }

    boolean sameFormat(OutgoingFrame other) {
        return other != null && width == other.width && height == other.height && pixelType == other.pixelType;
    }
}
