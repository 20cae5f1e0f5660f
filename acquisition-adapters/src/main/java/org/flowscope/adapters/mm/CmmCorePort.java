package org.flowscope.adapters.mm;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import mmcorej.CMMCore;
import mmcorej.Metadata;
import mmcorej.StrVector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MmCorePort} over a real {@code mmcorej.CMMCore}.
 *
 * <p>This class is compiled against MMCoreJ 10.1.1.0 (provided scope) but never loaded by the application's class
 * loader: {@link MmCoreLoader} defines it in a loader that resolves {@code mmcorej.*} from the user's own
 * installation, so jar, native library and device adapters come from one Micro-Manager release (it is public only
 * because a class defined by another loader cannot reach package-private members). It must only use
 * methods whose signatures are the same in 10.1.1 and 12.x (micromanager.md §4).
 */
public final class CmmCorePort implements MmCorePort {
    private static final Logger LOG = LoggerFactory.getLogger(CmmCorePort.class);
    private static final String[] FRAME_TAGS = {MmImage.IMAGE_NUMBER, MmImage.ELAPSED_TIME_MS};
    /** How long a camera's sequence thread may take to finish exiting after it reports stopped (see {@link #close()}). */
    private static final long THREAD_EXIT_GRACE_MS = 250;

    private final CMMCore core;
    private final Metadata metadata = new Metadata();
    private boolean closed;

    /** Creates the core (this loads the native library) and points it at the installation's device adapters. */
    public CmmCorePort(Path adapterDirectory) {
        core = new CMMCore();
        core.enableStderrLog(false);
        StrVector paths = new StrVector();
        paths.add(adapterDirectory.toString());
        core.setDeviceAdapterSearchPaths(paths);
        LOG.info("mm: MMCore {} ({}), adapters from {}", core.getVersionInfo(), core.getAPIVersionInfo(), adapterDirectory);
    }

    @Override
    public String versionInfo() {
        return core.getVersionInfo();
    }

    @Override
    public void loadSystemConfiguration(Path configFile) throws Exception {
        core.loadSystemConfiguration(configFile.toString());
    }

    @Override
    public void loadAndInitializeDevice(String label, String module, String device) throws Exception {
        core.loadDevice(label, module, device);
        core.initializeDevice(label);
    }

    @Override
    public void setCameraDevice(String label) throws Exception {
        core.setCameraDevice(label);
    }

    @Override
    public String cameraDevice() {
        return core.getCameraDevice();
    }

    @Override
    public void setProperty(String device, String property, String value) throws Exception {
        core.setProperty(device, property, value);
    }

    @Override
    public void setExposure(double milliseconds) throws Exception {
        core.setExposure(milliseconds);
    }

    @Override
    public void setRoi(int x, int y, int width, int height) throws Exception {
        core.setROI(x, y, width, height);
    }

    @Override
    public void setCircularBufferMemoryFootprint(long megabytes) throws Exception {
        core.setCircularBufferMemoryFootprint(megabytes);
    }

    @Override
    public int imageWidth() {
        return Math.toIntExact(core.getImageWidth());
    }

    @Override
    public int imageHeight() {
        return Math.toIntExact(core.getImageHeight());
    }

    @Override
    public int bytesPerPixel() {
        return Math.toIntExact(core.getBytesPerPixel());
    }

    @Override
    public int numberOfComponents() {
        return Math.toIntExact(core.getNumberOfComponents());
    }

    @Override
    public double pixelSizeUm() {
        return core.getPixelSizeUm();
    }

    @Override
    public int bufferTotalCapacity() {
        return core.getBufferTotalCapacity();
    }

    @Override
    public void startSequenceAcquisition(int numImages, boolean stopOnOverflow) throws Exception {
        core.startSequenceAcquisition(numImages, 0, stopOnOverflow);
    }

    @Override
    public void startContinuousSequenceAcquisition() throws Exception {
        core.startContinuousSequenceAcquisition(0);
    }

    @Override
    public void stopSequenceAcquisition() throws Exception {
        core.stopSequenceAcquisition();
    }

    @Override
    public boolean isSequenceRunning() {
        return core.isSequenceRunning();
    }

    @Override
    public int remainingImageCount() {
        return core.getRemainingImageCount();
    }

    @Override
    public boolean isBufferOverflowed() {
        return core.isBufferOverflowed();
    }

    /** Uses popNextImageMD with one reused Metadata: popNextTaggedImage builds ~70 JSON keys per frame. */
    @Override
    public MmImage popNextImage() throws Exception {
        metadata.Clear();
        Object pixels = core.popNextImageMD(metadata);
        Map<String, String> tags = new HashMap<>(4);
        for (String key : FRAME_TAGS) {
            if (metadata.HasTag(key)) {
                tags.put(key, metadata.GetSingleTag(key).GetValue());
            }
        }
        return new MmImage(pixels, tags);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (core.isSequenceRunning()) {
                core.stopSequenceAcquisition();
            }
            // A camera's sequence thread reports "not running" before it has finished exiting (DemoCamera's thread sets
            // its stopped flag, then calls back into the camera), and a stop after that point does not join it:
            // unloading at once deleted the camera under the exiting thread (a native SIGSEGV in
            // CDemoCamera::OnThreadExiting, seen in the real-core tests). A short grace lets the thread finish.
            Thread.sleep(THREAD_EXIT_GRACE_MS);
            core.unloadAllDevices();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unloadQuietly();
        } catch (Exception e) {
            LOG.warn("mm: unloading devices failed: {}", e.getMessage());
        } finally {
            metadata.delete();
            core.delete();
        }
    }

    private void unloadQuietly() {
        try {
            core.unloadAllDevices();
        } catch (Exception e) {
            LOG.warn("mm: unloading devices failed: {}", e.getMessage());
        }
    }
}
