package org.flowscope.methods.conv2d;

import java.nio.file.Path;
import java.util.Map;
import org.flowscope.testkit.KernelSignatures;
import org.junit.jupiter.api.Test;

/** The conv2d kernel of conv2d.cl and conv2d.cu takes exactly the components of {@link Conv2dKernel}. */
class Conv2dKernelSignatureTest {
    private static final Path DIR = Path.of("src/main/resources/org/flowscope/methods/conv2d");

    @Test
    void bothKernelsMatchTheirArgumentRecord() {
        for (String source : new String[] {"conv2d.cl", "conv2d.cu"}) {
            KernelSignatures.assertBindings(DIR.resolve(source), Map.of("conv2d", Conv2dKernel.class));
        }
    }
}
