package org.flowscope.methods.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelArgsTest {
    @GpuKernel("scale")
    private record Scale<B>(B in, B out, int n, float factor) {
    }

    private record Unannotated(int n) {
    }

    @Test
    void valuesComeInComponentOrder() {
        assertArrayEquals(new Object[] {"a", "b", 3, 0.5f}, KernelArgs.values(new Scale<>("a", "b", 3, 0.5f)));
        assertEquals("scale", KernelArgs.kernelName(Scale.class));
    }

    @Test
    void aMissingBufferIsRefusedNamingTheArgument() {
        var e = assertThrows(IllegalArgumentException.class, () -> KernelArgs.values(new Scale<>("a", null, 3, 0.5f)));
        assertTrue(e.getMessage().contains("'out'"), e.getMessage());
    }

    @Test
    void aRecordWithoutItsKernelNameIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> KernelArgs.values(new Unannotated(1)));
        assertTrue(e.getMessage().contains("@GpuKernel"), e.getMessage());
    }

    @Test
    void anArgumentOfAnotherBackendIsRefusedNamingIt() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> OpenClKernelArgs.bind(null, new Scale<>("not a cl_mem", "b", 3, 0.5f)));
        assertTrue(e.getMessage().contains("'in'") && e.getMessage().contains("String"), e.getMessage());
    }
}
