package org.flowscope.methods.srrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.reference.NanoPyxCase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class SrrfCpuTest {

    static SrrfParams nanopyxParams(JsonNode p) {
        return new SrrfParams(p.get("magnification").asInt(), (float) p.get("ringRadius").asDouble(),
                p.get("border").asInt(), p.get("radialityPositivityConstraint").asBoolean(),
                p.get("doIntensityWeighting").asBoolean(), p.get("macro_pixel_correction").asBoolean(), Temporal.AVG, 0,
                Geometry.NANOPYX);
    }

    @TestFactory
    List<DynamicTest> nanopyxGeometryMatchesEveryBundledNanoPyxCase() {
        List<NanoPyxCase> cases = NanoPyxCase.bundled("srrf", "blink100_32_");
        assertEquals(2, cases.size(), "AVG with and without macro-pixel correction");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            long t0 = System.nanoTime();
            double worst = c.assertMatches(SrrfCpu.apply(nanopyxParams(c.params()), c.input()));
            System.out.println(c.name() + " worst " + worst + " in " + (System.nanoTime() - t0) / 1e9 + " s");
        })).toList();
    }
}
