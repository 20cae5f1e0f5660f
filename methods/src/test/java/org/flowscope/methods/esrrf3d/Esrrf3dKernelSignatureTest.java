package org.flowscope.methods.esrrf3d;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowscope.methods.gpu.GpuKernel;
import org.flowscope.testkit.KernelSignatures;
import org.junit.jupiter.api.Test;

/** Every kernel of esrrf3d.cl and esrrf3d.cu takes exactly the components of its record in {@link Esrrf3dKernels}. */
class Esrrf3dKernelSignatureTest {
    private static final Path DIR = Path.of("src/main/resources/org/flowscope/methods/esrrf3d");

    static Map<String, Class<? extends Record>> bindings() {
        Map<String, Class<? extends Record>> byKernel = new LinkedHashMap<>();
        for (Class<?> c : Esrrf3dKernels.class.getDeclaredClasses()) {
            GpuKernel k = c.getAnnotation(GpuKernel.class);
            if (k != null) {
                byKernel.put(k.value(), c.asSubclass(Record.class));
            }
        }
        return byKernel;
    }

    @Test
    void theOpenClKernelsMatchTheirArgumentRecords() {
        KernelSignatures.assertBindings(DIR.resolve("esrrf3d.cl"), bindings());
    }

    @Test
    void theCudaKernelsMatchTheirArgumentRecords() {
        KernelSignatures.assertBindings(DIR.resolve("esrrf3d.cu"), bindings());
    }

    @Test
    void theDeviceCodesOfGeometryAndTemporalModeAreTheEnumOrdinals() throws IOException {
        String h = Files.readString(DIR.resolve("esrrf3d_device.h"));
        assertTrue(h.contains("#define E3_GEO_CENTRED " + Geometry.CENTRED.ordinal()));
        assertTrue(h.contains("#define E3_GEO_NANOPYX " + Geometry.NANOPYX.ordinal()));
        assertTrue(h.contains("#define E3_AVERAGE " + TemporalMode.AVERAGE.ordinal()));
        assertTrue(h.contains("#define E3_STD " + TemporalMode.STD.ordinal()));
    }
}
