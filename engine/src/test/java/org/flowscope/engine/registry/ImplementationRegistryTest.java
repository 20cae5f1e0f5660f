package org.flowscope.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowscope.engine.fixtures.Scale;
import org.flowscope.engine.fixtures.ScaleCpu;
import org.junit.jupiter.api.Test;

class ImplementationRegistryTest {
    @Test
    void loadsDeclaredImplementationsThroughServiceLoader() {
        ImplementationRegistry r = ImplementationRegistry.load(getClass().getClassLoader());
        assertEquals(List.of("test.scale.cpu", "test.scale.threaded", "test.scale.opencl"),
                r.forOperation(Scale.ID).stream().map(i -> i.info().id()).toList());
        assertTrue(r.byId("test.scale.cpu").isPresent());
        assertEquals(List.of(Scale.ID), r.operations());
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
        var e = assertThrows(IllegalStateException.class, () -> ImplementationRegistry.of(List.of(new ScaleCpu(), new ScaleCpu())));
        assertTrue(e.getMessage().contains("duplicate implementation id 'test.scale.cpu'"), e.getMessage());
        assertTrue(e.getMessage().contains(ScaleCpu.class.getName()), e.getMessage());
    }
}
