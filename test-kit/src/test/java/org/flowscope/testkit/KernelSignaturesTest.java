package org.flowscope.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flowscope.testkit.KernelSignatures.Param;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class KernelSignaturesTest {
    private static final String OPENCL = """
            // a comment mentioning __kernel void fake(int x)
            inline float helper(float v) { return v; }
            __kernel void scale(__global const float* in, __global float* out, const int n,
                    const float factor /* , int hidden */) {
            }
            """;
    private static final String CUDA = """
            extern "C" __global__ void scale(const float* __restrict__ in, float* __restrict__ out, int n,
                    float factor) {
            }
            """;

    record Scale<B>(B in, B out, int n, float factor) {
    }

    record Swapped<B>(B out, B in, int n, float factor) {
    }

    record WrongScalar<B>(B in, B out, float n, float factor) {
    }

    record ScalarForPointer<B>(int in, B out, int n, float factor) {
    }

    record TooShort<B>(B in, B out, int n) {
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void parsesOpenClAndCudaParameterListsWithoutQualifiersOrComments() {
        List<Param> expected = List.of(new Param("in", "float", true), new Param("out", "float", true),
                new Param("n", "int", false), new Param("factor", "float", false));
        assertEquals(Map.of("scale", expected), KernelSignatures.kernels(OPENCL));
        assertEquals(Map.of("scale", expected), KernelSignatures.kernels(CUDA));
    }

    @Test
    void aRecordWithTheKernelsParametersMatchesBothSources(@TempDir Path dir) throws Exception {
        KernelSignatures.assertBindings(write(dir, "k.cl", OPENCL), Map.of("scale", Scale.class));
        KernelSignatures.assertBindings(write(dir, "k.cu", CUDA), Map.of("scale", Scale.class));
    }

    @Test
    void swappedBuffersWrongScalarsScalarsForPointersAndMissingArgumentsFail(@TempDir Path dir) throws Exception {
        Path cl = write(dir, "k.cl", OPENCL);
        for (Class<? extends Record> bad : List.of(Swapped.class, WrongScalar.class, ScalarForPointer.class, TooShort.class)) {
            var e = assertThrows(AssertionFailedError.class, () -> KernelSignatures.assertMatches(cl, "scale", bad));
            assertTrue(e.getMessage().contains("scale"), e.getMessage());
        }
    }

    @Test
    void aKernelWithoutARecordFails(@TempDir Path dir) throws Exception {
        Path cl = write(dir, "k.cl", OPENCL + "__kernel void other(__global float* a) {}\n");
        var e = assertThrows(AssertionFailedError.class, () -> KernelSignatures.assertBindings(cl, Map.of("scale", Scale.class)));
        assertTrue(e.getMessage().contains("other"), e.getMessage());
    }
}
