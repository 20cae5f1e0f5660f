package org.micromanager.data;

/** Compile-only stub: the getters of Micro-Manager 2.0's per-image metadata that flowscope reads. */
public interface Metadata {
    Long getImageNumber();

    boolean hasElapsedTimeMs();

    double getElapsedTimeMs(double defaultValue);

    Double getPixelSizeUm();

    String getCamera();
}
