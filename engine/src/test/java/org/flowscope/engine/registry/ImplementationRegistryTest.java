package org.flowscope.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowscope.engine.fixtures.FakeClock;
import org.flowscope.engine.fixtures.Scale;
import org.flowscope.engine.fixtures.ScaleCpu;
import org.flowscope.engine.fixtures.ScaleProvider;
import org.flowscope.engine.fixtures.ScaleThreaded;
import org.flowscope.engine.fixtures.Synthetic;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.OperationProvider;
import org.junit.jupiter.api.Test;

class ImplementationRegistryTest {
    @Test
    void loadsEveryProviderDeclaredThroughServiceLoader() {
        ImplementationRegistry r = ImplementationRegistry.load(getClass().getClassLoader());
        assertEquals(List.of("test.scale.cpu", "test.scale.threaded", "test.scale.opencl"),
                r.forOperation(Scale.ID).stream().map(i -> i.info().id()).toList());
        assertTrue(r.byId("test.scale.cpu").isPresent());
        assertEquals(List.of(Scale.ID), r.operations());
        assertEquals(1, r.providers().size());
        assertEquals(r.forOperation(Scale.ID), r.forOperation(new Scale()), "lookup by id and by type agree");
    }

    @Test
    void skipsAnImplementationThatCannotBeBuiltAndSaysWhy() {
        ImplementationRegistry r = ImplementationRegistry.load(getClass().getClassLoader());
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).contains("BrokenImplementation") && r.problems().get(0).contains("simulated missing native library"),
                r.problems().get(0));
    }

    @Test
    void rejectsDuplicateIdsNamingBothClasses() {
        var e = assertThrows(IllegalStateException.class, () -> ImplementationRegistry.ofImplementations(List.of(new ScaleCpu(), new ScaleCpu())));
        assertTrue(e.getMessage().contains("duplicate implementation id 'test.scale.cpu'"), e.getMessage());
        assertTrue(e.getMessage().contains(ScaleCpu.class.getName()), e.getMessage());
    }

    @Test
    void rejectsAnOperationWithoutAReferenceImplementation() {
        var e = assertThrows(IllegalStateException.class, () -> ImplementationRegistry.ofImplementations(List.of(new ScaleThreaded())));
        assertTrue(e.getMessage().contains("operation 'test.scale' must have exactly one reference implementation (backend CPU), has 0"),
                e.getMessage());
    }

    @Test
    void rejectsAnOperationWithTwoReferenceImplementations() {
        var e = assertThrows(IllegalStateException.class, () -> ImplementationRegistry.ofImplementations(
                List.of(new ScaleCpu(), new Synthetic("test.scale.other", Backend.CPU, new FakeClock(), c -> 0))));
        assertTrue(e.getMessage().contains("has 2"), e.getMessage());
    }

    @Test
    void rejectsAnImplementationDeclaredUnderAnotherOperationsProvider() {
        OperationProvider<Float, float[], float[]> wrong = new OperationProvider<>() {
            @Override
            public Operation<Float, float[], float[]> operation() {
                return new Other();
            }

            @Override
            public List<Class<? extends Implementation<Float, float[], float[]>>> implementations() {
                return List.of(ScaleCpu.class);
            }
        };
        var e = assertThrows(IllegalStateException.class, () -> ImplementationRegistry.of(List.of(new ScaleProvider(), wrong)));
        assertTrue(e.getMessage().contains("test.scale.cpu") && e.getMessage().contains("declared by the provider of " + Other.class.getName()),
                e.getMessage());
        assertTrue(e.getMessage().contains("must start with its operation's id 'test.other.'"), e.getMessage());
    }

    @Test
    void rejectsAnImplementationIdThatDoesNotNameItsOperation() {
        var e = assertThrows(IllegalStateException.class, () -> ImplementationRegistry.ofImplementations(
                List.of(new ScaleCpu(), new Synthetic("scale-gpu", Backend.OPENCL, new FakeClock(), c -> 0))));
        assertTrue(e.getMessage().contains("'scale-gpu' must start with its operation's id 'test.scale.'"), e.getMessage());
    }

    /** A second operation for the misfiling test. */
    public static final class Other implements Operation<Float, float[], float[]> {
        @Override
        public String id() {
            return "test.other";
        }

        @Override
        public org.flowscope.engine.spi.WorkShape shape(Float p, float[] in) {
            return new Scale().shape(p, in);
        }

        @Override
        public double cost(Float p, float[] in) {
            return in.length;
        }

        @Override
        public org.flowscope.engine.spi.Tolerance tolerance() {
            return new Scale().tolerance();
        }
    }
}
