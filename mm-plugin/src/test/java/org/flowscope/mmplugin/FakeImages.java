package org.flowscope.mmplugin;

import java.util.ArrayList;
import java.util.List;
import org.micromanager.data.Image;
import org.micromanager.data.Metadata;
import org.micromanager.data.ProcessorContext;

/** Test doubles for Micro-Manager's Image and ProcessorContext, implementing the compile-only stubs. */
final class FakeImages {
    private FakeImages() {
    }

    static Image u16(final int width, final int height, final long imageNumber) {
        final short[] pixels = new short[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (short) (40_000 + imageNumber + i);
        }
        return image(width, height, 2, 1, pixels, imageNumber);
    }

    static Image image(final int width, final int height, final int bytesPerPixel, final int components,
                       final Object pixels, final long imageNumber) {
        final Metadata metadata = new Metadata() {
            @Override
            public Long getImageNumber() {
                return imageNumber;
            }

            @Override
            public boolean hasElapsedTimeMs() {
                return true;
            }

            @Override
            public double getElapsedTimeMs(double defaultValue) {
                return imageNumber * 2.5;
            }

            @Override
            public Double getPixelSizeUm() {
                return 0.1;
            }

            @Override
            public String getCamera() {
                return "DCam";
            }
        };
        return new Image() {
            @Override
            public Metadata getMetadata() {
                return metadata;
            }

            @Override
            public int getWidth() {
                return width;
            }

            @Override
            public int getHeight() {
                return height;
            }

            @Override
            public int getBytesPerPixel() {
                return bytesPerPixel;
            }

            @Override
            public int getNumComponents() {
                return components;
            }

            @Override
            public Object getRawPixels() {
                return pixels;
            }
        };
    }

    /** Records what the processor outputs. */
    static final class Context implements ProcessorContext {
        final List<Image> output = new ArrayList<Image>();

        @Override
        public void outputImage(Image image) {
            output.add(image);
        }
    }
}
