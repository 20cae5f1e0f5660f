package org.flowscope.methods.esrrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.LivePipeline;
import org.flowscope.core.stream.BackpressurePolicy;
import org.flowscope.core.window.StreamLayout;
import org.flowscope.core.window.WindowSpec;
import org.flowscope.engine.Engine;
import org.flowscope.engine.EngineConfig;
import org.flowscope.engine.RunOptions;
import org.flowscope.engine.Selection;
import org.flowscope.engine.spi.DeviceKind;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.methods.numerics.scenes.SyntheticFrames;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code live --devices cpu,opencl} on this machine's CPU and its OpenCL device (PoCL here, in CI). */
class SpreadCpuOpenClTest {
    private static final int WINDOW = 8;
    private static final int WINDOWS = 6;
    private static final int H = 20;
    private static final int W = 24;
    private static final EsrrfParams PARAMS = EsrrfParams.defaults().withMagnification(2);

    @TempDir
    Path dir;

    private static List<ImageStack> run(Engine engine, RunOptions options, DeviceSpread spread, ImageStack frames,
            Map<String, Object> section) {
        CollectingSink sink = new CollectingSink();
        List<ImageStack> results = sink.results();
        EsrrfWindowOperator op = new EsrrfWindowOperator(engine, PARAMS, options, WINDOW, WINDOW, spread);
        LivePipeline.builder(new LiveEsrrfStreamTest.StackSource(frames)).window(WindowSpec.sliding(WINDOW, WINDOW))
                .operator(op).policy(BackpressurePolicy.LAG).resultSink(sink).build().run();
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) op.runJsonSection();
        section.putAll(s);
        return results;
    }

    /**
     * Gives both streaming candidates the same made-up unit time, so that the first segments go to both devices in
     * turn whatever their real speeds (on this machine PoCL is many times slower than the CPU and, timed, would
     * rightly get no window).
     */
    private static void seedEqualTimes(Engine engine) {
        EsrrfStreamParams p = new EsrrfStreamParams(PARAMS, WINDOW, WINDOW);
        int unit = StreamLayout.of(WINDOW, WINDOW).unit();
        for (String id : List.of("esrrf-stream.cpu-threaded", "esrrf-stream.opencl")) {
            for (int i = 0; i < 5; i++) {
                Selection s = engine.select(new EsrrfStream(), EsrrfStream.shape(p, unit, H, W, "u16"),
                        EsrrfStream.cost(p, unit, H, W), RunOptions.implementation(id), c -> true);
                engine.observe(s, 0.5);
            }
        }
    }

    @Test
    void aLiveRunOnTheCpuAndPoclTogetherGivesTheSingleDeviceResult() {
        ImageStack stack = SyntheticFrames.denseBlinking(WINDOW * WINDOWS, H, W, 23);
        float[] integers = stack.data().clone();
        for (int i = 0; i < integers.length; i++) {
            integers[i] = Math.round(integers[i]);
        }
        ImageStack frames = new ImageStack(stack.frames(), H, W, integers);
        List<ImageStack> single;
        // the single-device run has an engine of its own: its real (fast) CPU times would otherwise outweigh the
        // seeded equal times below, and on a loaded machine every segment of the spread run went to the CPU
        try (Engine reference = Engine.create(EngineConfig.forTests(dir.resolve("single")))) {
            single = run(reference, RunOptions.implementation("esrrf.cpu-threaded"), DeviceSpread.ONE, frames,
                    new java.util.HashMap<>());
        }
        try (Engine engine = Engine.create(EngineConfig.forTests(dir.resolve("spread")))) {
            Assumptions.assumeFalse(engine.devices(DeviceKind.OPENCL).isEmpty(),
                    "no OpenCL device: " + engine.backends());
            seedEqualTimes(engine);
            Map<String, Object> section = new java.util.HashMap<>();
            List<ImageStack> spread = run(engine, RunOptions.auto(), DeviceSpread.parse("cpu,opencl"), frames, section);
            assertEquals(WINDOWS, single.size());
            assertEquals(WINDOWS, spread.size());
            Tolerance tol = new Esrrf().tolerance();
            for (int w = 0; w < WINDOWS; w++) {
                assertNull(tol.firstViolation(single.get(w).data(), spread.get(w).data()), "window " + w);
            }
            @SuppressWarnings("unchecked")
            Map<String, Long> segments = (Map<String, Long>) section.get("segmentsByImplementation");
            assertTrue(segments.keySet().stream().anyMatch(k -> k.startsWith("esrrf-stream.cpu-threaded@"))
                    && segments.keySet().stream().anyMatch(k -> k.startsWith("esrrf-stream.opencl@")), segments.toString());
        }
    }
}
