package org.flowscope.mmplugin;

import org.micromanager.data.Image;
import org.micromanager.data.Metadata;

/** Turns a Micro-Manager image into an {@link OutgoingFrame} without copying its pixels. */
final class ImageFrames {
    private ImageFrames() {
    }

    /**
     * @throws IllegalArgumentException for images flowscope does not take (colour, 32-bit)
     */
    static OutgoingFrame from(Image image) {
        if (image.getNumComponents() != 1) {
            throw new IllegalArgumentException("flowscope takes grey images; this one has " + image.getNumComponents()
                    + " components");
        }
        int type;
        switch (image.getBytesPerPixel()) {
            case 1:
                type = WireFormat.PIXEL_U8;
                break;
            case 2:
                type = WireFormat.PIXEL_U16;
                break;
            default:
                throw new IllegalArgumentException("flowscope takes 8- or 16-bit images; this one has "
                        + image.getBytesPerPixel() + " bytes per pixel");
        }
        Metadata metadata = image.getMetadata();
        long sequence = -1;
        long timeNs = 0;
        double pixelSizeNm = Double.NaN;
        if (metadata != null) {
            Long number = metadata.getImageNumber();
            sequence = number == null ? -1 : number;
            timeNs = metadata.hasElapsedTimeMs() ? Math.round(metadata.getElapsedTimeMs(0) * 1e6) : 0;
            Double um = metadata.getPixelSizeUm();
            pixelSizeNm = um == null || !(um > 0) ? Double.NaN : um * 1000.0;
        }
        return new OutgoingFrame(image.getWidth(), image.getHeight(), type, image.getRawPixels(), sequence, timeNs,
                pixelSizeNm, 0);
    }
}
