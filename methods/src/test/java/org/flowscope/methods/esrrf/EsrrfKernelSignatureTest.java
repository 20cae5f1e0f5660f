package org.flowscope.methods.esrrf;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowscope.methods.gpu.GpuKernel;
import org.flowscope.testkit.KernelSignatures;
import org.junit.jupiter.api.Test;

/** Every kernel of esrrf.cl and esrrf.cu takes exactly the components of its record in {@link EsrrfKernels}. */
class EsrrfKernelSignatureTest {
    private static final Path DIR = Path.of("src/main/resources/org/flowscope/methods/esrrf");

    static Map<String, Class<? extends Record>> bindings() {
        Map<String, Class<? extends Record>> byKernel = new LinkedHashMap<>();
        for (Class<?> c : EsrrfKernels.class.getDeclaredClasses()) {
            GpuKernel k = c.getAnnotation(GpuKernel.class);
            if (k != null) {
                byKernel.put(k.value(), c.asSubclass(Record.class));
            }
        }
        return byKernel;
    }

    @Test
    void theOpenClKernelsMatchTheirArgumentRecords() {
        KernelSignatures.assertBindings(DIR.resolve("esrrf.cl"), bindings());
    }

    @Test
    void theCudaKernelsMatchTheirArgumentRecords() {
        KernelSignatures.assertBindings(DIR.resolve("esrrf.cu"), bindings());
    }
}
