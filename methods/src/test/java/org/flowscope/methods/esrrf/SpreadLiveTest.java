package org.flowscope.methods.esrrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.LivePipeline;
import org.flowscope.core.pipeline.RunSummary;
import org.flowscope.core.stream.BackpressurePolicy;
import org.flowscope.core.stream.RunCounters;
import org.flowscope.core.window.WindowSpec;
import org.flowscope.engine.Engine;
import org.flowscope.engine.EngineConfig;
import org.flowscope.engine.RunOptions;
import org.flowscope.engine.device.DeviceSet;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.DeviceIdentity;
import org.flowscope.engine.spi.DeviceKind;
import org.flowscope.engine.spi.DeviceLostException;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.methods.numerics.scenes.SyntheticFrames;
import org.junit.jupiter.api.Test;

/**
 * {@code live --devices all} on stand-in devices whose sessions compute real eSRRF (the reference maps) at a pace
 * set per device, and fail on demand: results in window order whatever order the devices finish in, a slow device
 * given fewer windows, a failing device's windows recomputed elsewhere.
 */
class SpreadLiveTest {
    private static final int WINDOW = 16;
    private static final int WINDOWS = 16;
    private static final EsrrfParams PARAMS = EsrrfParams.defaults().withMagnification(2);

    private record StandIn(DeviceIdentity identity) implements Device {
        static StandIn named(String model) {
            return new StandIn(new DeviceIdentity(DeviceKind.OPENCL, "test", model, "1", 1L << 30, 1));
        }

        @Override
        public void close() {
        }
    }

    /** eSRRF's reference maps, {@code msPerFrame.get(model)} ms a frame; the device named {@code failing} is lost. */
    private static final class Paced implements Implementation<EsrrfStreamParams, EsrrfStreamInput, ImageStack>,
            StreamingEsrrf {
        final Map<String, Integer> msPerFrame;
        final String failing;
        final int failAt;
        /** First run id of each window, in the order the devices finished computing it. */
        final List<Long> finished = Collections.synchronizedList(new ArrayList<>());
        final Map<String, AtomicInteger> framesByDevice = new ConcurrentHashMap<>();

        Paced(Map<String, Integer> msPerFrame, String failing, int failAt) {
            this.msPerFrame = msPerFrame;
            this.failing = failing;
            this.failAt = failAt;
        }

        @Override
        public ImplementationInfo info() {
            return new ImplementationInfo("esrrf-stream.test-paced", EsrrfStream.class, Backend.OPENCL, Precision.MIXED,
                    "reference maps at a set pace");
        }

        @Override
        public ImageStack run(EsrrfStreamParams params, EsrrfStreamInput input, ExecutionContext context) {
            return EsrrfStreamCpu.apply(params, input);
        }

        @Override
        public EsrrfSession open(EsrrfStreamParams params, int height, int width, PixelType pixelType,
                ExecutionContext context) {
            String model = context.device().identity().model();
            int ms = msPerFrame.get(model);
            AtomicInteger count = framesByDevice.computeIfAbsent(model, k -> new AtomicInteger());
            EsrrfParams e = params.esrrf();
            float[] map = new float[height * width * e.magnification() * e.magnification()];
            CpuEsrrfSession paced = new CpuEsrrfSession(params, height, width, (frame, shift, acc) -> {
                if (model.equals(failing) && count.get() == failAt) {
                    throw new DeviceLostException(model + " fell off the bus");
                }
                count.incrementAndGet();
                sleep(ms);
                EsrrfCpu.frameMap(e, new ImageStack(1, height, width, frame), 0, shift, map, 0);
                acc.addFrame(map, 0);
            });
            return new EsrrfSession() {
                // delegate to the paced session, noting which window finished when
                @Override
                public void begin(long run) {
                    paced.begin(run);
                }

                @Override
                public void add(long run, org.flowscope.core.source.PixelData pixels, org.flowscope.core.frame.FrameShift shift) {
                    paced.add(run, pixels, shift);
                }

                @Override
                public void endUnit(long unit) {
                    paced.endUnit(unit);
                }

                @Override
                public void drainTimings(java.util.function.BiConsumer<Long, Double> sink) {
                    paced.drainTimings(sink);
                }

                @Override
                public void awaitTimings() {
                }

                @Override
                public int frames(long run) {
                    return paced.frames(run);
                }

                @Override
                public PendingWindow window(List<Long> runs) {
                    PendingWindow w = paced.window(runs);
                    finished.add(runs.get(0));
                    return w;
                }

                @Override
                public TemporalAccumulator partial(long run) {
                    return paced.partial(run);
                }

                @Override
                public void release(long run) {
                    paced.release(run);
                }

                @Override
                public void close() {
                    paced.close();
                }
            };
        }

    }

    private static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ImageStack frames() {
        ImageStack stack = SyntheticFrames.denseBlinking(WINDOW * WINDOWS, 10, 12, 17);
        float[] integers = stack.data().clone();
        for (int i = 0; i < integers.length; i++) {
            integers[i] = Math.round(integers[i]);
        }
        return new ImageStack(stack.frames(), 10, 12, integers);
    }

    private record Run(List<ImageStack> results, RunSummary summary, Map<String, Object> section) {
    }

    private static Run run(Paced impl, List<Device> devices, ImageStack frames) {
        CollectingSink sink = new CollectingSink();
        List<ImageStack> results = sink.results();
        EngineConfig config = EngineConfig.inMemory().withDevices(DeviceSet.of(devices))
                .withRegistry(ImplementationRegistry.ofImplementations(List.of(new EsrrfStreamCpu(), impl))).withPriors(false);
        try (Engine engine = Engine.create(config)) {
            EsrrfWindowOperator op = new EsrrfWindowOperator(engine, PARAMS, RunOptions.auto(), WINDOW, WINDOW,
                    DeviceSpread.ALL);
            LivePipeline pipeline = LivePipeline.builder(new LiveEsrrfStreamTest.StackSource(frames))
                    .window(WindowSpec.sliding(WINDOW, WINDOW)).operator(op).policy(BackpressurePolicy.LAG).resultSink(sink)
                    .build();
            RunSummary s = pipeline.run();
            @SuppressWarnings("unchecked")
            Map<String, Object> section = (Map<String, Object>) op.runJsonSection();
            return new Run(results, s, section);
        }
    }

    private static void assertEveryWindowInOrder(ImageStack frames, List<ImageStack> results) {
        assertEquals(WINDOWS, results.size());
        Tolerance tol = new Esrrf().tolerance();
        for (int w = 0; w < WINDOWS; w++) {
            ImageStack expected = EsrrfCpu.apply(PARAMS, frames.frames(WINDOW * w, WINDOW * (w + 1)));
            assertNull(tol.firstViolation(expected.data(), results.get(w).data()), "window " + w);
        }
    }

    @Test
    void resultsComeOutInWindowOrderWhileDevicesFinishThemOutOfOrder() {
        ImageStack frames = frames();
        Paced impl = new Paced(Map.of("fast", 2, "slow", 6), null, 0);
        Run r = run(impl, List.of(StandIn.named("fast"), StandIn.named("slow")), frames);
        assertEveryWindowInOrder(frames, r.results());
        List<Long> sorted = new ArrayList<>(impl.finished);
        Collections.sort(sorted);
        assertNotEquals(sorted, impl.finished, "both devices had windows in flight: some finished before an earlier one");
    }

    @Test
    void aSlowDeviceGetsFewerWindowsThanAFastOne() {
        ImageStack frames = frames();
        Paced impl = new Paced(Map.of("fast", 2, "slow", 8), null, 0);
        Run r = run(impl, List.of(StandIn.named("fast"), StandIn.named("slow")), frames);
        assertEveryWindowInOrder(frames, r.results());
        @SuppressWarnings("unchecked")
        Map<String, Long> segments = (Map<String, Long>) r.section().get("segmentsByImplementation");
        long fast = segments.getOrDefault("esrrf-stream.test-paced@OPENCL fast (1 CU)", 0L);
        long slow = segments.getOrDefault("esrrf-stream.test-paced@OPENCL slow (1 CU)", 0L);
        assertTrue(slow >= 1 && fast > slow, segments.toString());
    }

    @Test
    void aDeviceThatFailsHandsItsWindowsToAnotherAndTheRunGoesOn() {
        ImageStack frames = frames();
        Paced impl = new Paced(Map.of("steady", 2, "flaky", 2), "flaky", 20);
        Run r = run(impl, List.of(StandIn.named("flaky"), StandIn.named("steady")), frames);
        assertEveryWindowInOrder(frames, r.results());
        assertEquals(WINDOWS, r.summary().counter(RunCounters.ANALYSIS_PROCESSED));
        assertTrue((Long) r.section().get("segmentsRecomputedAfterFailure") >= 1, r.section().toString());
        assertEquals(List.of("esrrf-stream.test-paced@OPENCL flaky (1 CU)"), r.section().get("failedDevices"));
    }
}
