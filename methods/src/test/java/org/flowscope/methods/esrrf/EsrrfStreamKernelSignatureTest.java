package org.flowscope.methods.esrrf;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowscope.methods.gpu.GpuKernel;
import org.flowscope.testkit.KernelSignatures;
import org.junit.jupiter.api.Test;

/** Every kernel of esrrf_stream.cl and esrrf_stream.cu takes exactly the components of its record. */
class EsrrfStreamKernelSignatureTest {
    private static final Path DIR = Path.of("src/main/resources/org/flowscope/methods/esrrf");

    static Map<String, Class<? extends Record>> bindings() {
        Map<String, Class<? extends Record>> byKernel = new LinkedHashMap<>();
        for (Class<?> c : EsrrfStreamKernels.class.getDeclaredClasses()) {
            GpuKernel k = c.getAnnotation(GpuKernel.class);
            if (k != null) {
                byKernel.put(k.value(), c.asSubclass(Record.class));
            }
        }
        return byKernel;
    }

    @Test
    void theOpenClStreamKernelsMatchTheirArgumentRecords() {
        KernelSignatures.assertBindings(DIR.resolve("esrrf_stream.cl"), bindings());
    }

    @Test
    void theCudaStreamKernelsMatchTheirArgumentRecords() {
        KernelSignatures.assertBindings(DIR.resolve("esrrf_stream.cu"), bindings());
    }
}
