package org.flowscope.methods.transform;

import java.nio.file.Path;
import java.util.Map;
import org.flowscope.testkit.KernelSignatures;
import org.junit.jupiter.api.Test;

/** The transform kernel of transform.cl and transform.cu takes exactly the components of {@link TransformKernels.Warp}. */
class TransformKernelSignatureTest {
    private static final Path DIR = Path.of("src/main/resources/org/flowscope/methods/transform");

    @Test
    void bothKernelsMatchTheirArgumentRecord() {
        for (String source : new String[] {"transform.cl", "transform.cu"}) {
            KernelSignatures.assertBindings(DIR.resolve(source), Map.of("transform", TransformKernels.Warp.class));
        }
    }
}
