package org.flowscope.adapters.mm;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * A scripted MMCore that reproduces the circular-buffer behaviour documented in micromanager.md §6: fixed
 * capacity; overwrite mode (continuous, or stop-on-overflow off) clears the WHOLE buffer when a frame arrives
 * into a full buffer, silently; stop-on-overflow refuses the frame, sets the overflow flag and stops the camera;
 * popping an empty buffer throws "Circular buffer is empty."; tags are strings; 16-bit pixels are signed
 * {@code short[]} carrying unsigned values. The camera's clock is the drain loop itself: every
 * {@link #remainingImageCount()} call is one tick, during which the camera inserts {@code framesPerTick(tick)}
 * frames.
 */
final class ScriptedCore implements MmCorePort {
    /** Where MMCore keeps the ImageNumber counter. */
    enum Numbering {
        /** MMCore 12.x: per camera, from 0 at each start, assigned before insertion (lost frames leave gaps). */
        PER_CAMERA,
        /** MMCore 10.1: in the buffer, reset to 0 by every clear. */
        PER_BUFFER
    }

    final List<String> calls = new ArrayList<>();
    final List<String> violations = new ArrayList<>();
    int width = 8;
    int height = 4;
    int bytesPerPixel = 2;
    int components = 1;
    int capacity = 16;
    /** Also tick on calls from other threads (a camera that keeps running while the drain thread is blocked). */
    volatile boolean tickOnAnyThread;
    double exposureMs = 10;
    Numbering numbering = Numbering.PER_CAMERA;
    IntUnaryOperator framesPerTick = tick -> 1;
    /** Pop index (0-based) before which the buffer is cleared under the caller, or -1. */
    int clearBeforePop = -1;
    /** Width the camera switches to after this many produced frames (reproduces a size change), or -1. */
    int resizeAfterFrames = -1;
    boolean includeImageNumber = true;
    String camera = "";
    boolean closed;

    private final ArrayDeque<MmImage> buffer = new ArrayDeque<>();
    private boolean running;
    private boolean bufferInitialised;
    private Thread starter;
    private boolean overwrite;
    private boolean overflowed;
    private long toProduce;
    private long produced;
    private long counter;
    private int tick;
    private int pops;

    @Override
    public String versionInfo() {
        return "scripted MMCore";
    }

    @Override
    public void loadSystemConfiguration(Path configFile) {
        configCall("loadSystemConfiguration " + configFile.getFileName());
        camera = "Camera";
    }

    @Override
    public void loadAndInitializeDevice(String label, String module, String device) throws Exception {
        configCall("loadDevice " + label + " " + module + " " + device);
        if (!module.equals("DemoCamera")) {
            throw new Exception("Failed to load device adapter " + module);
        }
    }

    @Override
    public void setCameraDevice(String label) {
        configCall("setCameraDevice " + label);
        camera = label;
    }

    @Override
    public String cameraDevice() {
        return camera;
    }

    @Override
    public void setProperty(String device, String property, String value) throws Exception {
        configCall("setProperty " + device + " " + property + " " + value);
        if (property.equals("PixelType")) {
            switch (value) {
                case "8bit" -> bytesPerPixel = 1;
                case "16bit" -> bytesPerPixel = 2;
                case "32bitRGB" -> {
                    bytesPerPixel = 4;
                    components = 4;
                }
                default -> throw new Exception("Invalid property value: " + value);
            }
        }
    }

    @Override
    public void setExposure(double milliseconds) {
        configCall("setExposure " + milliseconds);
        exposureMs = milliseconds;
    }

    @Override
    public void setRoi(int x, int y, int w, int h) {
        configCall("setROI " + x + " " + y + " " + w + " " + h);
        width = w;
        height = h;
    }

    @Override
    public void setCircularBufferMemoryFootprint(long megabytes) {
        configCall("setCircularBufferMemoryFootprint " + megabytes);
        capacity = (int) (megabytes * (1 << 20) / ((long) width * height * bytesPerPixel));
        bufferInitialised = true;
    }

    private void configCall(String call) {
        calls.add(call);
        if (running) {
            violations.add(call + " while acquiring");
        }
    }

    @Override
    public int imageWidth() {
        return width;
    }

    @Override
    public int imageHeight() {
        return height;
    }

    @Override
    public int bytesPerPixel() {
        return bytesPerPixel;
    }

    @Override
    public int numberOfComponents() {
        return components;
    }

    @Override
    public double pixelSizeUm() {
        return 0.1;
    }

    @Override
    public int bufferTotalCapacity() {
        return bufferInitialised ? capacity : 0;
    }

    @Override
    public void startSequenceAcquisition(int numImages, boolean stopOnOverflow) throws Exception {
        start("startSequenceAcquisition " + numImages + " " + stopOnOverflow, numImages, !stopOnOverflow);
    }

    @Override
    public void startContinuousSequenceAcquisition() throws Exception {
        start("startContinuousSequenceAcquisition", Long.MAX_VALUE, true);
    }

    private void start(String call, long frames, boolean overwriteMode) throws Exception {
        calls.add(call);
        if (running) {
            throw new Exception("This operation can not be executed while sequence acquisition is running.");
        }
        running = true;
        bufferInitialised = true;
        starter = Thread.currentThread();
        overwrite = overwriteMode;
        overflowed = false;
        toProduce = frames;
        produced = 0;
        counter = 0;
    }

    @Override
    public void stopSequenceAcquisition() {
        calls.add("stopSequenceAcquisition");
        running = false;
    }

    @Override
    public boolean isSequenceRunning() {
        return running;
    }

    @Override
    public int remainingImageCount() {
        if (!tickOnAnyThread && Thread.currentThread() != starter) {
            return buffer.size();
        }
        if (running) {
            int n = framesPerTick.applyAsInt(tick);
            for (int i = 0; i < n && running; i++) {
                insertNextFrame();
            }
        }
        tick++;
        return buffer.size();
    }

    private void insertNextFrame() {
        if (buffer.size() == capacity) {
            if (!overwrite) {
                overflowed = true;
                running = false;
                return;
            }
            buffer.clear();
            if (numbering == Numbering.PER_BUFFER) {
                counter = 0;
            }
        }
        if (resizeAfterFrames >= 0 && produced == resizeAfterFrames) {
            width = width / 2;
        }
        long number = counter++;
        short[] pixels = new short[width * height];
        for (int i = 0; i < pixels.length; i++) {
            // Values above 32767 arrive as negative shorts, as MMCoreJ's typemap delivers them.
            pixels[i] = (short) (40_000 + produced + i);
        }
        Object data = pixels;
        if (bytesPerPixel == 1) {
            byte[] bytes = new byte[width * height];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (200 + produced + i);
            }
            data = bytes;
        }
        Map<String, String> tags = new HashMap<>();
        if (includeImageNumber) {
            tags.put(MmImage.IMAGE_NUMBER, Long.toString(number));
        }
        tags.put(MmImage.ELAPSED_TIME_MS, String.format(java.util.Locale.ROOT, "%.2f", produced * exposureMs + 0.25));
        tags.put("Camera", camera);
        buffer.addLast(new MmImage(data, tags));
        produced++;
        if (produced >= toProduce) {
            running = false;
        }
    }

    @Override
    public boolean isBufferOverflowed() {
        return overflowed;
    }

    @Override
    public MmImage popNextImage() throws Exception {
        if (pops++ == clearBeforePop) {
            buffer.clear();
        }
        MmImage image = buffer.pollFirst();
        if (image == null) {
            throw new Exception("Circular buffer is empty.");
        }
        return image;
    }

    long produced() {
        return produced;
    }

    @Override
    public void close() {
        calls.add("unloadAllDevices");
        calls.add("delete");
        closed = true;
    }
}
