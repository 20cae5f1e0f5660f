package org.flowscope.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Map;
import org.flowscope.adapters.mm.MmCorePort;
import org.flowscope.adapters.mm.MmImage;
import org.flowscope.core.source.FrameSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mm: source of live, through a tiny scripted core: a 4-frame buffer that overflows in stop-on-overflow mode. */
class MmLiveTest {
    /** Inserts 10 frames on the first poll into a 4-frame stop-on-overflow buffer, then stops, as MMCore does. */
    private static final class OverflowingCore implements MmCorePort {
        private final ArrayDeque<MmImage> buffer = new ArrayDeque<>();
        private boolean running;
        private boolean overflowed;
        private boolean filled;
        boolean closed;

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

    private static Path fakeInstallation(Path home) throws Exception {
        Files.createDirectories(home.resolve("plugins/Micro-Manager"));
        Files.writeString(home.resolve("plugins/Micro-Manager/MMCoreJ.jar"), "x");
        Files.writeString(home.resolve("libMMCoreJ_wrap.so"), "x");
        Files.writeString(home.resolve("libmmgr_dal_DemoCamera.so.0"), "x");
        return home;
    }

    @Test
    void aFiniteRunThatOverflowedFailsUnlessLossIsAllowed(@TempDir Path dir) throws Exception {
        for (boolean allowLoss : new boolean[] {false, true}) {
            OverflowingCore core = new OverflowingCore();
            MmLive live = new MmLive(installation -> core);
            ((MmLive.Options) live.options()).mmHome = fakeInstallation(dir);
            ((MmLive.Options) live.options()).allowLoss = allowLoss;
            try (FrameSource source = live.sources().get(0).open("module=DemoCamera,device=DCam", null, 10L)) {
                int[] frames = {0};
                source.run((m, p) -> frames[0]++);
                assertEquals(4, frames[0]);
            }
            assertTrue(core.closed, "closing the source releases the core");
            if (allowLoss) {
                assertTrue(live.failure(null).isEmpty());
            } else {
                String why = live.failure(null).orElseThrow();
                assertTrue(why.contains("4 of 10 delivered") && why.contains("--allow-loss"), why);
            }
        }
    }
}
