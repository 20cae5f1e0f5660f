package org.micromanager.data;

/** Compile-only stub: the getters of Micro-Manager 2.0's immutable image that flowscope reads. */
public interface Image {
    Metadata getMetadata();

    int getWidth();

    int getHeight();

    int getBytesPerPixel();

    int getNumComponents();

    Object getRawPixels();
}
