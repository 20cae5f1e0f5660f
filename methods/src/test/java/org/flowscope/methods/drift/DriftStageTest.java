package org.flowscope.methods.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.average.AverageCpu;
import org.flowscope.methods.average.AverageWindow;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.core.pipeline.WindowOperator;
import org.flowscope.engine.Engine;
import org.flowscope.engine.EngineConfig;
import org.flowscope.engine.RunOptions;
import org.flowscope.testkit.DriftingSpots;
import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Kernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftStageTest {
    @TempDir
    Path dir;

    @Test
    void driftStageComposesInFrontOfTheNextOperatorAndReportsItsTrace() {
        int n = 40;
        double[] dx = new double[n];
        double[] dy = new double[n];
        for (int t = 0; t < n; t++) {
            dx[t] = 0.05 * t;
            dy[t] = -0.025 * t;
        }
        ImageStack stream = DriftingSpots.render(64, 64, dx, dy, 7);
        Engine engine = Engine.create(EngineConfig.forTests(dir));
        DriftStage drift = new DriftStage(engine, RunOptions.auto(), null, null, 6,
                new DriftCorrectionParams(Kernel.LANCZOS3, Border.NEAREST), 0, OptionalDouble.of(100));
        WindowOperator chain = drift.andThen(new AverageWindow());
        try (chain) {
            for (int w = 0; w < 4; w++) {
                ImageStack out = chain.apply(stream.frames(w * 10, (w + 1) * 10),
                        new WindowContext(w, w * 10L, w * 10L + 9, 0, 0, OptionalDouble.of(100)));
                assertEquals(1, out.frames(), "the average follows the drift stage");
            }
            assertEquals(List.of("drift", "average"), chain.stages().stream().map(WindowOperator::name).toList());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> section = (Map<String, Object>) drift.runJsonSection();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> windows = (List<Map<String, Object>>) section.get("windows");
        assertEquals(4, windows.size());
        assertEquals(0.05 * 30, (double) windows.get(3).get("dx_px"), 0.06);
        assertEquals(-0.025 * 30, (double) windows.get(3).get("dy_px"), 0.06);
        assertEquals(100 * (double) windows.get(3).get("dx_px"), (double) windows.get(3).get("dx_nm"), 1e-9);
        assertEquals("first-window", section.get("reference"));
        assertTrue(drift.progressFields().get("drift").endsWith("px"));
        Map<String, Double> values = drift.progressValues();
        assertEquals(3.0, values.get("drift.window"), "the latest window's drift, for the preview's plot");
        assertEquals((double) windows.get(3).get("dx_px"), values.get("drift.dx_px"));
        assertEquals((double) windows.get(3).get("dy_px") * 100, values.get("drift.dy_nm"), 1e-9);
        engine.close();
    }
}
