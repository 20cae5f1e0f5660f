package org.flowscope.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.flowscope.app.engine.EngineOptions;
import org.flowscope.engine.history.FailureKind;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.BackendUnavailableException;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Precision;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.engine.spi.WorkShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The live run's engine report: a failure survived shows in run.json's engine section and on the progress line. */
class SharedEngineTest {
    @TempDir
    Path store;

    /** Doubles every element. */
    public static final class Twice implements Operation<Float, float[], float[]> {
        @Override
        public String id() {
            return "test.twice";
        }

        @Override
        public WorkShape shape(Float p, float[] in) {
            return new WorkShape(id(), List.of(in.length), "f32", new TreeMap<>());
        }

        @Override
        public double cost(Float p, float[] in) {
            return in.length;
        }

        @Override
        public Tolerance tolerance() {
            return new Tolerance(0, 0);
        }
    }

    private static Implementation<Float, float[], float[]> impl(String id, Backend backend, boolean fails) {
        return new Implementation<>() {
            @Override
            public ImplementationInfo info() {
                return new ImplementationInfo(id, Twice.class, backend, Precision.FP32, "test");
            }

            @Override
            public float[] run(Float p, float[] in, ExecutionContext c) {
                if (fails) {
                    throw new BackendUnavailableException("simulated: native library unloaded");
                }
                float[] out = in.clone();
                for (int i = 0; i < out.length; i++) {
                    out[i] *= 2;
                }
                return out;
            }
        };
    }

    static final class Holder {
        @CommandLine.Mixin
        EngineOptions options;
    }

    @Test
    void aSurvivedFailureIsInRunJsonsEngineSectionAndOnTheProgressLine() {
        Holder h = new Holder();
        new CommandLine(h).parseArgs("--store", store.toString(), "--no-opencl", "--no-cuda");
        ImplementationRegistry registry = ImplementationRegistry.ofImplementations(List.of(
                impl("test.twice.cpu", Backend.CPU, false), impl("test.twice.threaded", Backend.CPU_THREADED, true)));
        try (SharedEngine shared = new SharedEngine(h.options, registry, new PrintWriter(new StringWriter()))) {
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(new float[] {2 * i}, shared.get().run(new Twice(), 1f, new float[] {i}));
            }
            SharedEngine.Section section = (SharedEngine.Section) shared.runJsonSection();
            assertEquals(1L, section.activity().recomputedCalls(), section.toString());
            assertEquals(1, section.failures().size());
            assertEquals(FailureKind.UNAVAILABLE, section.failures().get(0).kind());
            assertTrue(section.failures().get(0).error().contains("simulated: native library unloaded"));
            String line = shared.progressFields().get("engine");
            assertTrue(line != null && line.startsWith("1 call(s) recomputed after failures"), String.valueOf(line));
        }
    }
}
