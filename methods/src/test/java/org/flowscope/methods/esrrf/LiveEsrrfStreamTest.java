package org.flowscope.methods.esrrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flowscope.core.frame.FrameMetadata;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.LivePipeline;
import org.flowscope.core.pipeline.RunSummary;
import org.flowscope.core.source.FrameConsumer;
import org.flowscope.core.source.FrameSource;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.source.SourceFormat;
import org.flowscope.core.stream.BackpressurePolicy;
import org.flowscope.core.stream.RunCounters;
import org.flowscope.core.window.WindowSpec;
import org.flowscope.engine.Engine;
import org.flowscope.engine.EngineConfig;
import org.flowscope.engine.RunOptions;
import org.flowscope.engine.history.History;
import org.flowscope.engine.model.CalibrationShapes;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.methods.numerics.scenes.SyntheticFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live eSRRF frame by frame through the pipeline and the engine: the windows of today's eSRRF, learned per unit. */
class LiveEsrrfStreamTest {
    @TempDir
    Path dir;

    /** 16-bit frames of a seeded blinking stack, as a camera delivers them. */
    static final class StackSource implements FrameSource {
        private final short[][] frames;
        private final int h;
        private final int w;
        private final AtomicBoolean stopped = new AtomicBoolean();

        StackSource(ImageStack s) {
            this.h = s.height();
            this.w = s.width();
            this.frames = new short[s.frames()][s.frameSize()];
            for (int f = 0; f < s.frames(); f++) {
                for (int p = 0; p < s.frameSize(); p++) {
                    frames[f][p] = (short) Math.round(s.data()[s.offset(f) + p]);
                }
            }
        }

        @Override
        public SourceFormat format() {
            return new SourceFormat(w, h, PixelType.U16, OptionalLong.of(frames.length), OptionalDouble.empty(),
                    OptionalDouble.of(100));
        }

        @Override
        public void run(FrameConsumer consumer) {
            for (int f = 0; f < frames.length && !stopped.get(); f++) {
                consumer.accept(new FrameMetadata(f, System.nanoTime(), w, h, PixelType.U16, OptionalDouble.of(100), 0,
                        "stack"), new PixelData.U16(frames[f]));
            }
        }

        @Override
        public void stop() {
            stopped.set(true);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void slidingWindowsFrameByFrameOnTheEnginesChoicePerUnitEqualTodaysEsrrfOfEachWindow() throws Exception {
        ImageStack stack = SyntheticFrames.denseBlinking(44, 12, 14, 31);
        float[] integers = stack.data().clone();
        for (int i = 0; i < integers.length; i++) {
            integers[i] = Math.round(integers[i]);
        }
        ImageStack frames = new ImageStack(44, 12, 14, integers);
        EsrrfParams p = EsrrfParams.defaults().withMagnification(3).withTemporal(TemporalCorrelation.VAR);
        CollectingSink sink = new CollectingSink();
        List<ImageStack> results = sink.results();
        try (Engine engine = Engine.create(EngineConfig.forTests(dir))) {
            EsrrfWindowOperator op = new EsrrfWindowOperator(engine, p, RunOptions.auto(), 16, 8);
            LivePipeline pipeline = LivePipeline.builder(new StackSource(frames)).window(WindowSpec.sliding(16, 8))
                    .operator(op).policy(BackpressurePolicy.LAG).resultSink(sink).build();
            RunSummary s = pipeline.run();
            assertEquals("stream", s.analysis());
            assertEquals(4, s.counter(RunCounters.ANALYSIS_PROCESSED));
            Tolerance tol = new Esrrf().tolerance();
            for (int w = 0; w < 4; w++) {
                ImageStack expected = EsrrfCpu.apply(p, frames.frames(8 * w, 8 * w + 16));
                assertNull(tol.firstViolation(expected.data(), results.get(w).data()), "window " + w);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> section = (Map<String, Object>) op.runJsonSection();
            @SuppressWarnings("unchecked")
            Map<String, Long> units = (Map<String, Long>) section.get("unitsByImplementation");
            // 44 frames in units of 8: 5 whole units and 4 frames of a sixth
            assertEquals(6L, units.values().stream().mapToLong(Long::longValue).sum(), units.toString());
            assertEquals(44L, section.get("frames"));
            List<History> learned = engine.history().histories(EsrrfStream.ID);
            assertFalse(learned.isEmpty(), "the agent learned from the units");
            // calibration runs (small seeded work the engine runs a candidate on first) are filed apart
            assertTrue(learned.stream().filter(h -> !CalibrationShapes.is(h.key().shape()))
                    .allMatch(h -> h.key().shape().dimensions().equals(List.of(8, 12, 14))), learned.toString());
            assertTrue(learned.stream().anyMatch(h -> !CalibrationShapes.is(h.key().shape())), learned.toString());
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (pipeline.pool().outstanding() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(0, pipeline.pool().outstanding(), pipeline.pool().leakReport());
        }
    }
}
