package org.flowscope.methods.nlm;

import java.nio.file.Path;
import java.util.Map;
import org.flowscope.testkit.KernelSignatures;
import org.junit.jupiter.api.Test;

/** The nlm kernel of nlm.cl and nlm.cu takes exactly the components of {@link NlmKernel}. */
class NlmKernelSignatureTest {
    private static final Path DIR = Path.of("src/main/resources/org/flowscope/methods/nlm");

    @Test
    void bothKernelsMatchTheirArgumentRecord() {
        for (String source : new String[] {"nlm.cl", "nlm.cu"}) {
            KernelSignatures.assertBindings(DIR.resolve(source), Map.of("nlm", NlmKernel.class));
        }
    }
}
