package org.flowscope.simulators.camera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.core.source.PixelData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedCameraTest {
    @TempDir
    Path dir;

    private static SimulationParams params(long frames) {
        return SimulationParams.defaults(frames, 21).withCamera(CameraParams.defaults().withSize(20, 16).withFps(200));
    }

    @Test
    void deliversTheSameFramesAsTheInMemoryStackWithVirtualTimestamps() throws Exception {
        SimulatedStack ref = SimulatedStack.generate(params(8));
        List<Long> stamps = new ArrayList<>();
        List<float[]> frames = new ArrayList<>();
        try (SimulatedCamera cam = new SimulatedCamera(params(8), Pacing.VIRTUAL)) {
            cam.run((md, px) -> {
                stamps.add(md.acquisitionTimeNs());
                short[] s = ((PixelData.U16) px).pixels();
                float[] f = new float[s.length];
                for (int i = 0; i < s.length; i++) {
                    f[i] = s[i] & 0xFFFF;
                }
                frames.add(f);
            });
            assertEquals(8, cam.delivered());
            assertEquals(ref.truth().emitters(), cam.truth().emitters());
        }
        assertEquals(List.of(0L, 5_000_000L, 10_000_000L, 15_000_000L, 20_000_000L, 25_000_000L, 30_000_000L, 35_000_000L), stamps);
        for (int f = 0; f < 8; f++) {
            assertArrayEquals(ref.stack().frame(f).data(), frames.get(f));
        }
    }

    @Test
    void realTimePacingSpacesFramesByThePeriod() throws Exception {
        List<Long> stamps = new ArrayList<>();
        try (SimulatedCamera cam = new SimulatedCamera(params(11), Pacing.REAL_TIME)) {
            cam.run((md, px) -> stamps.add(md.acquisitionTimeNs()));
        }
        assertTrue(stamps.get(10) >= 50_000_000L - 1_000_000L, "10 periods of 5 ms, got " + stamps.get(10) / 1e6 + " ms");
    }

    @Test
    void stopEndsTheRun() throws Exception {
        try (SimulatedCamera cam = new SimulatedCamera(params(Long.MAX_VALUE), Pacing.AS_FAST_AS_POSSIBLE)) {
            cam.run((md, px) -> {
                if (md.sequence() == 4) {
                    cam.stop();
                }
            });
            assertEquals(5, cam.delivered());
            assertEquals(5, cam.truth().frames());
        }
    }

    @Test
    void aCameraRenderingAheadOnSeveralThreadsStopsWithTheGroundTruthOfTheFramesItDelivered() throws Exception {
        SimulationParams p = SimulationParams.defaults(Long.MAX_VALUE, 21).withCamera(CameraParams.defaults().withSize(64, 48));
        SimulationParams exact = p.withFrames(5);
        try (SimulatedCamera cam = new SimulatedCamera(p, Pacing.AS_FAST_AS_POSSIBLE, 3)) {
            cam.run((md, px) -> {
                if (md.sequence() == 4) {
                    cam.stop();
                    try {
                        Thread.sleep(50); // the producer renders ahead meanwhile
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            assertEquals(5, cam.delivered());
            GroundTruth truth = cam.truth();
            GroundTruth expected = SimulatedStack.generate(exact).truth();
            assertEquals(5, truth.frames());
            assertArrayEquals(expected.onFrames(), truth.onFrames());
        }
    }

    @Test
    void aCameraThatRendersSlowerThanItsConsumerSaysItIsTheBottleneck() throws Exception {
        SimulationParams p = SimulationParams.defaults(60, 5).withCamera(CameraParams.defaults().withSize(96, 96));
        try (SimulatedCamera cam = new SimulatedCamera(p, Pacing.AS_FAST_AS_POSSIBLE, 1)) {
            cam.run((md, px) -> {
            });
            assertTrue(cam.sourceBound(), "a consumer that returns at once leaves the camera rendering all the time");
            assertTrue(cam.progressFields().get("source").startsWith("simulator-bound (renders "), cam.progressFields().toString());
            @SuppressWarnings("unchecked")
            Map<String, Object> section = (Map<String, Object>) cam.runJsonSection();
            assertEquals(true, section.get("sourceBound"));
            assertTrue((Double) section.get("renderFramesPerSecond") > 0);
        }
    }

    @Test
    void aPacedCameraIsTheBottleneckOnlyWhenItRendersSlowerThanTheFrameRateAskedFor() throws Exception {
        SimulationParams tooFast = SimulationParams.defaults(30, 5).withCamera(CameraParams.defaults().withSize(128, 128).withFps(1e6));
        try (SimulatedCamera cam = new SimulatedCamera(tooFast, Pacing.REAL_TIME, 1)) {
            cam.run((md, px) -> {
            });
            assertTrue(cam.sourceBound(), "a 128x128 frame takes longer to render than 1 us");
        }
        SimulationParams easy = SimulationParams.defaults(12, 5).withCamera(CameraParams.defaults().withSize(16, 16).withFps(50));
        try (SimulatedCamera cam = new SimulatedCamera(easy, Pacing.REAL_TIME, 1)) {
            cam.run((md, px) -> {
            });
            assertFalse(cam.sourceBound(), "a 16x16 frame renders in far less than its 20 ms period");
        }
    }

    @Test
    void aCameraWaitingForItsConsumerIsNotTheBottleneck() throws Exception {
        SimulationParams p = SimulationParams.defaults(12, 5).withCamera(CameraParams.defaults().withSize(16, 16));
        try (SimulatedCamera cam = new SimulatedCamera(p, Pacing.AS_FAST_AS_POSSIBLE, 1)) {
            cam.run((md, px) -> {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertFalse(cam.sourceBound());
            assertTrue(cam.progressFields().isEmpty(), cam.progressFields().toString());
            @SuppressWarnings("unchecked")
            Map<String, Object> section = (Map<String, Object>) cam.runJsonSection();
            assertEquals(false, section.get("sourceBound"));
        }
    }

    @Test
    void groundTruthFilesAreWrittenNextToTheStack() throws Exception {
        SimulatedStack s = SimulatedStack.generate(params(4).withDrift(new DriftParams(0.1, 0, 0)));
        Path stack = dir.resolve("sim.tif");
        TiffStacks.writeU16(stack, s.stack(), s.metadata());
        Map<String, Path> files = GroundTruthFiles.write(stack, s.truth(), 5, 0);
        List<String> emitters = Files.readAllLines(files.get("emitters"));
        assertTrue(emitters.get(0).contains("pixel k spans [k, k+1)"));
        assertEquals("id,x_px,y_px,x_nm,y_nm,photons_per_frame,on_frames", emitters.get(2));
        assertEquals(s.truth().emitters().size() + 3, emitters.size());
        String[] first = emitters.get(3).split(",");
        assertEquals(s.truth().emitters().get(0).x(), Double.parseDouble(first[1]), 1e-6);
        List<String> drift = Files.readAllLines(files.get("drift"));
        assertEquals("3,0.300000,0.000000,30.000,0.000", drift.get(6));
        var truth = TiffStacks.read(files.get("truthImage"));
        assertEquals(100, truth.stack().width());
        assertEquals(20.0, truth.metadata().pixelSizeNm().getAsDouble(), 1e-6);
    }
}
