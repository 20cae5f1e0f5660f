package org.flowscope.engine.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowscope.engine.fixtures.Keys;
import org.flowscope.engine.spi.DeviceIdentity;
import org.flowscope.engine.spi.DeviceKind;
import org.junit.jupiter.api.Test;

class FactoryPriorsTest {
    private final FactoryPriors priors = FactoryPriors.load(getClass().getClassLoader());

    @Test
    void loadsPriorResourcesInTheStoreFormat() {
        assertEquals(2, priors.all().size());
    }

    @Test
    void matchesTheSameDeviceModelEvenWithAnotherDriver() {
        var s = priors.series("conv2d", "conv2d.opencl", Keys.GPU);
        assertEquals(FactoryPriors.Match.SAME_DEVICE, s.match());
        assertEquals(0.002, s.histories().get(0).samples().get(0).seconds());
    }

    @Test
    void fallsBackToTheSameKindPreferringTheSameVendor() {
        var otherNvidia = new DeviceIdentity(DeviceKind.OPENCL, "NVIDIA Corporation", "Other GPU", "1", 1, 10);
        var s = priors.series("conv2d", "conv2d.opencl", otherNvidia);
        assertEquals(FactoryPriors.Match.SAME_KIND, s.match());
        assertEquals("Test GPU", s.histories().get(0).key().device().model());
        var pocl = new DeviceIdentity(DeviceKind.OPENCL, "Portable Computing Language", "pthread-other", "1", 1, 4);
        assertEquals("pthread-something", priors.series("conv2d", "conv2d.opencl", pocl).histories().get(0).key().device().model());
    }

    @Test
    void nothingForAnotherKindOrImplementation() {
        assertTrue(priors.series("conv2d", "conv2d.opencl", Keys.CPU).histories().isEmpty());
        assertTrue(priors.series("conv2d", "conv2d.cuda", Keys.GPU).histories().isEmpty());
    }
}
