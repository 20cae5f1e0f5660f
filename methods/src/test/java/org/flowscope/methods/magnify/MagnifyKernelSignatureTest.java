package org.flowscope.methods.magnify;

import java.nio.file.Path;
import java.util.Map;
import org.flowscope.testkit.KernelSignatures;
import org.junit.jupiter.api.Test;

/** The magnify kernel of magnify.cl and magnify.cu takes exactly the components of {@link MagnifyKernels.Sample}. */
class MagnifyKernelSignatureTest {
    private static final Path DIR = Path.of("src/main/resources/org/flowscope/methods/magnify");

    @Test
    void bothKernelsMatchTheirArgumentRecord() {
        for (String source : new String[] {"magnify.cl", "magnify.cu"}) {
            KernelSignatures.assertBindings(DIR.resolve(source), Map.of("magnify", MagnifyKernels.Sample.class));
        }
    }
}
