package org.flowscope.methods.nlmfast;

import java.nio.file.Path;
import java.util.Map;
import org.flowscope.testkit.KernelSignatures;
import org.junit.jupiter.api.Test;

/** The nlm_fast kernel of nlm_fast.cl and nlm_fast.cu takes exactly the components of {@link NlmFastKernel}. */
class NlmFastKernelSignatureTest {
    private static final Path DIR = Path.of("src/main/resources/org/flowscope/methods/nlmfast");

    @Test
    void bothKernelsMatchTheirArgumentRecord() {
        for (String source : new String[] {"nlm_fast.cl", "nlm_fast.cu"}) {
            KernelSignatures.assertBindings(DIR.resolve(source), Map.of("nlm_fast", NlmFastKernel.class));
        }
    }
}
