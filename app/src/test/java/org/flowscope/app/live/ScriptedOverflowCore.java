package org.flowscope.app.live;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Map;
import org.flowscope.adapters.mm.MmCorePort;
import org.flowscope.adapters.mm.MmImage;

/**
 * A scripted MMCore whose 4-frame stop-on-overflow buffer fills on the first poll: 4 frames of 4x2 16-bit pixels
 * are delivered, then the camera stops with the overflow flag set, as MMCore does when nobody drains in time.
 */
public final class ScriptedOverflowCore implements MmCorePort {
    private final ArrayDeque<MmImage> buffer = new ArrayDeque<>();
    private boolean running;
    private boolean overflowed;
    private boolean filled;
    public boolean closed;

    @Override public String versionInfo() { return "scripted MMCore"; }
    @Override public void loadSystemConfiguration(Path configFile) { }
    @Override public void loadAndInitializeDevice(String label, String module, String device) { }
    @Override public void setCameraDevice(String label) { }
    @Override public String cameraDevice() { return "DCam"; }
    @Override public void setProperty(String device, String property, String value) { }
    @Override public void setExposure(double milliseconds) { }
    @Override public void setRoi(int x, int y, int width, int height) { }
    @Override public void setCircularBufferMemoryFootprint(long megabytes) { }
    @Override public int imageWidth() { return 4; }
    @Override public int imageHeight() { return 2; }
    @Override public int bytesPerPixel() { return 2; }
    @Override public int numberOfComponents() { return 1; }
    @Override public double pixelSizeUm() { return 0; }
    @Override public int bufferTotalCapacity() { return 4; }
    @Override public void startContinuousSequenceAcquisition() { running = true; }
    @Override public void stopSequenceAcquisition() { running = false; }
    @Override public boolean isSequenceRunning() { return running; }
    @Override public boolean isBufferOverflowed() { return overflowed; }

    @Override
    public void startSequenceAcquisition(int numImages, boolean stopOnOverflow) {
        running = true;
    }

    @Override
    public int remainingImageCount() {
        if (running && !filled) {
            filled = true;
            for (int k = 0; k < 4; k++) {
                buffer.add(new MmImage(new short[8], Map.of(MmImage.IMAGE_NUMBER, Integer.toString(k))));
            }
            overflowed = true;
            running = false;
        }
        return buffer.size();
    }

    @Override
    public MmImage popNextImage() throws Exception {
        MmImage image = buffer.poll();
        if (image == null) {
            throw new Exception("Circular buffer is empty.");
        }
        return image;
    }

    @Override
    public void close() {
        closed = true;
    }
}
