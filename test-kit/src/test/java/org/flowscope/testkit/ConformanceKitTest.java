package org.flowscope.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.device.CpuDevice;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Precision;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.engine.spi.WorkShape;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ConformanceKitTest {
    /** Adds a constant to every pixel. */
    static final class Offset implements Operation<Float, ImageStack, ImageStack> {
        @Override
        public String id() {
            return "test.offset";
        }

        @Override
        public WorkShape shape(Float p, ImageStack in) {
            SortedMap<String, String> m = new TreeMap<>();
            return new WorkShape(id(), List.of(in.frames(), in.height(), in.width()), "f32", m);
        }

        @Override
        public double cost(Float p, ImageStack in) {
            return in.data().length;
        }

        @Override
        public Tolerance tolerance() {
            return new Tolerance(1e-5, 1e-6);
        }
    }

    static Implementation<Float, ImageStack, ImageStack> impl(String id, float scaleError, boolean transpose) {
        return new Implementation<>() {
            @Override
            public ImplementationInfo info() {
                return new ImplementationInfo(id, Offset.class, Backend.CPU, Precision.FP32, "");
            }

            @Override
            public ImageStack run(Float p, ImageStack in, ExecutionContext c) {
                float[] out = new float[in.data().length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (in.data()[i] + p) * scaleError;
                }
                return transpose ? new ImageStack(in.frames(), in.width(), in.height(), out)
                        : new ImageStack(in.frames(), in.height(), in.width(), out);
            }
        };
    }

    static List<ConformanceKit.Case<Float, ImageStack>> cases() {
        Random r = new Random(7);
        float[] a = new float[3 * 5 * 7];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextFloat() * 100;
        }
        return List.of(new ConformanceKit.Case<>("one pixel", 1f, ImageStack.ofImage(1, 1, new float[] {2})),
                new ConformanceKit.Case<>("odd 3x5x7", 0.5f, new ImageStack(3, 5, 7, a)));
    }

    private final ConformanceKit<Float, ImageStack, ImageStack> kit = ConformanceKit.forImageOutput(new Offset(), impl("ref", 1f, false));

    @Test
    void acceptsAnEquivalentImplementation() {
        try (CpuDevice cpu = CpuDevice.withCores(1)) {
            kit.assertConforms(impl("same", 1f, false), cpu, cases());
        }
    }

    @Test
    void rejectsAOnePercentScaleErrorThatACorrelationWouldAccept() {
        try (CpuDevice cpu = CpuDevice.withCores(1)) {
            var e = assertThrows(AssertionFailedError.class, () -> kit.assertConforms(impl("scaled", 1.01f, false), cpu, cases()));
            assertTrue(e.getMessage().contains("case 'one pixel'") && e.getMessage().contains("element 0"), e.getMessage());
        }
    }

    @Test
    void rejectsAWrongOutputShape() {
        try (CpuDevice cpu = CpuDevice.withCores(1)) {
            var e = assertThrows(AssertionFailedError.class, () -> kit.assertConforms(impl("transposed", 1f, true), cpu, cases()));
            assertTrue(e.getMessage().contains("odd 3x5x7") && e.getMessage().contains("shape"), e.getMessage());
        }
    }
}
