package org.flowscope.adapters.mm;

import java.nio.file.Path;

/**
 * The part of MMCore's Java API ({@code mmcorej.CMMCore}) that {@link MmCoreSource} uses.
 *
 * <p>The port exists so that the source can be tested against a scripted core without Micro-Manager's native
 * library. Its methods mirror CMMCore one to one (see {@code shared/docs/micromanager.md}), with two
 * simplifications: sizes are returned as {@code int}, and a popped image comes back with its metadata tags as
 * strings, as MMCore stores them.
 *
 * <p>Error behaviour follows MMCore: every failure of the core is a plain {@link Exception}, and
 * {@link #popNextImage()} on an empty buffer throws one ("Circular buffer is empty.").
 */
public interface MmCorePort extends AutoCloseable {

    /** {@code getVersionInfo()}, e.g. "MMCore version 12.5.0". */
    String versionInfo();

    /** Loads a Micro-Manager configuration file ({@code loadSystemConfiguration}). */
    void loadSystemConfiguration(Path configFile) throws Exception;

    /** {@code loadDevice(label, module, device)} followed by {@code initializeDevice(label)}. */
    void loadAndInitializeDevice(String label, String module, String device) throws Exception;

    /** {@code setCameraDevice(label)}. */
    void setCameraDevice(String label) throws Exception;

    /** {@code getCameraDevice()}; empty when no camera is set. */
    String cameraDevice();

    /** {@code setProperty(device, property, value)}. */
    void setProperty(String device, String property, String value) throws Exception;

    /** {@code setExposure(ms)}. */
    void setExposure(double milliseconds) throws Exception;

    /** {@code setROI(x, y, w, h)} in camera pixels. */
    void setRoi(int x, int y, int width, int height) throws Exception;

    /** {@code setCircularBufferMemoryFootprint(MB)}; re-creates the buffer for the current frame size. */
    void setCircularBufferMemoryFootprint(long megabytes) throws Exception;

    /** {@code getImageWidth()} of the current camera. */
    int imageWidth();

    /** {@code getImageHeight()} of the current camera. */
    int imageHeight();

    /** {@code getBytesPerPixel()} of the current camera. */
    int bytesPerPixel();

    /** {@code getNumberOfComponents()} of the current camera. */
    int numberOfComponents();

    /** {@code getPixelSizeUm()}; 0 when no pixel size is configured. */
    double pixelSizeUm();

    /** {@code getBufferTotalCapacity()} in frames. */
    int bufferTotalCapacity();

    /** {@code startSequenceAcquisition(numImages, 0, stopOnOverflow)}. */
    void startSequenceAcquisition(int numImages, boolean stopOnOverflow) throws Exception;

    /** {@code startContinuousSequenceAcquisition(0)}. */
    void startContinuousSequenceAcquisition() throws Exception;

    /** {@code stopSequenceAcquisition()}; does not clear the buffer, a second call is a no-op. */
    void stopSequenceAcquisition() throws Exception;

    /** {@code isSequenceRunning()}. */
    boolean isSequenceRunning();

    /** {@code getRemainingImageCount()}. */
    int remainingImageCount();

    /** {@code isBufferOverflowed()}; only ever true after a stop-on-overflow acquisition filled the buffer. */
    boolean isBufferOverflowed();

    /** {@code popNextImageMD(metadata)}: the oldest frame and its tags; throws when the buffer is empty. */
    MmImage popNextImage() throws Exception;

    /** {@code unloadAllDevices()} then {@code delete()}; releases the camera and the core. */
    @Override
    void close();
}
