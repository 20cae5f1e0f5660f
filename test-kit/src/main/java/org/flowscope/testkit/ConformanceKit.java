package org.flowscope.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.device.CpuDevice;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Tolerance;

/**
 * Holds an implementation to the plain-Java reference: for every seeded case, both are run and the outputs are
 * compared element-wise with the operation's {@link Tolerance} ({@code |a - b| <= abs + relToMax·max|ref|}); the
 * first failing case is reported with its worst element. Never a correlation coefficient: that would accept
 * scale and offset errors.
 *
 * <pre>{@code
 * ConformanceKit.forImageOutput(new Conv2d(), new Conv2dCpu())
 *     .assertConforms(new Conv2dOpenCl(), TestDevices.openClOrSkip(), cases);
 * }</pre>
 *
 * @param <P> parameters
 * @param <I> input
 * @param <O> output
 */
public final class ConformanceKit<P, I, O> {
    private final Operation<P, I, O> operation;
    private final Implementation<P, I, O> reference;
    private final Function<O, float[]> flatten;
    private final Tolerance tolerance;

    private ConformanceKit(Operation<P, I, O> operation, Implementation<P, I, O> reference, Function<O, float[]> flatten,
            Tolerance tolerance) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.reference = Objects.requireNonNull(reference, "reference");
        this.flatten = Objects.requireNonNull(flatten, "flatten");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
    }

    /** A kit comparing outputs flattened to float arrays by {@code flatten}, with the operation's tolerance. */
    public static <P, I, O> ConformanceKit<P, I, O> of(Operation<P, I, O> operation, Implementation<P, I, O> reference,
            Function<O, float[]> flatten) {
        return new ConformanceKit<>(operation, reference, flatten, operation.tolerance());
    }

    /** A kit for operations whose output is an {@link ImageStack} (shapes must match too). */
    public static <P, I> ConformanceKit<P, I, ImageStack> forImageOutput(Operation<P, I, ImageStack> operation,
            Implementation<P, I, ImageStack> reference) {
        return of(operation, reference, ImageStack::data);
    }

    /** The same kit with a different tolerance (e.g. a documented looser one for an FP32 GPU path). */
    public ConformanceKit<P, I, O> withTolerance(Tolerance other) {
        return new ConformanceKit<>(operation, reference, flatten, other);
    }

    /** One seeded input. {@code name} should say what is special about it (odd size, one frame, …). */
    public record Case<P, I>(String name, P params, I input) {
    }

    /**
     * Runs {@code underTest} on {@code device} and the reference on a CPU device for every case and fails at the
     * first case outside the tolerance. Fails too when the implementation is not available on {@code device}.
     */
    public void assertConforms(Implementation<P, I, O> underTest, Device device, List<Case<P, I>> cases) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("conformance needs at least one case");
        }
        var availability = underTest.availability(device);
        if (!availability.available()) {
            fail(underTest.info().id() + " is not available on " + device.identity().label() + ": " + availability.reason());
        }
        try (CpuDevice cpu = CpuDevice.create()) {
            for (Case<P, I> c : cases) {
                operation.validate(c.params(), c.input());
                O expected = reference.run(c.params(), c.input(), context(cpu));
                O actual = underTest.run(c.params(), c.input(), context(device));
                String shapeProblem = shapeMismatch(expected, actual);
                String violation = shapeProblem != null ? shapeProblem
                        : tolerance.firstViolation(flatten.apply(expected), flatten.apply(actual));
                if (violation != null) {
                    fail(underTest.info().id() + " on " + device.identity().label() + " differs from "
                            + reference.info().id() + " in case '" + c.name() + "' beyond " + tolerance + ": " + violation);
                }
            }
        }
    }

    private static String shapeMismatch(Object expected, Object actual) {
        if (expected instanceof ImageStack e && actual instanceof ImageStack a
                && (e.frames() != a.frames() || e.height() != a.height() || e.width() != a.width())) {
            return "shape " + a + " differs from reference shape " + e;
        }
        return null;
    }

    private static ExecutionContext context(Device device) {
        return () -> device;
    }
}
