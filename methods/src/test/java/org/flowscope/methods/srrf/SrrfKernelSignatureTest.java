package org.flowscope.methods.srrf;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowscope.methods.gpu.GpuKernel;
import org.flowscope.testkit.KernelSignatures;
import org.junit.jupiter.api.Test;

/** Every kernel of srrf.cl and srrf.cu takes exactly the components of its record in {@link SrrfKernels}. */
class SrrfKernelSignatureTest {
    private static final Path DIR = Path.of("src/main/resources/org/flowscope/methods/srrf");

    static Map<String, Class<? extends Record>> bindings() {
        Map<String, Class<? extends Record>> byKernel = new LinkedHashMap<>();
        for (Class<?> c : SrrfKernels.class.getDeclaredClasses()) {
            GpuKernel k = c.getAnnotation(GpuKernel.class);
            if (k != null) {
                byKernel.put(k.value(), c.asSubclass(Record.class));
            }
        }
        return byKernel;
    }

    @Test
    void theOpenClKernelsMatchTheirArgumentRecords() {
        KernelSignatures.assertBindings(DIR.resolve("srrf.cl"), bindings());
    }

    @Test
    void theCudaKernelsMatchTheirArgumentRecords() {
        KernelSignatures.assertBindings(DIR.resolve("srrf.cu"), bindings());
    }
}
