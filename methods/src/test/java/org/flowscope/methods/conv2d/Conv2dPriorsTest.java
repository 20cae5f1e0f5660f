package org.flowscope.methods.conv2d;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowscope.engine.history.FactoryPriors;
import org.flowscope.engine.history.History;
import org.junit.jupiter.api.Test;

/** The shipped factory priors hold conv2d timings from the GPU machine and from the 2-core build machine. */
class Conv2dPriorsTest {
    @Test
    void priorsCoverTheGpuMachineAndTheTwoCoreMachine() {
        List<History> conv = FactoryPriors.load(getClass().getClassLoader()).all().stream()
                .filter(h -> h.key().operation().equals(Conv2d.ID)).toList();
        assertTrue(conv.stream().anyMatch(h -> h.key().implementation().equals("conv2d.cuda")
                && h.key().device().model().contains("H100") && !h.samples().isEmpty()), "H100 CUDA priors");
        assertTrue(conv.stream().anyMatch(h -> h.key().implementation().equals("conv2d.cpu-threaded")
                && h.key().device().computeUnits() == 2 && !h.samples().isEmpty()), "2-core CPU priors");
    }
}
