package org.flowscope.adapters.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MmSourceSpecTest {
    @Test
    void parsesACameraWithItsSettingsAndProperties() {
        MmSourceSpec spec = MmSourceSpec.parse(
                "mm:module=DemoCamera,device=DCam,exposure=5.5,roi=1:2:64:32,binning=2,PixelType=16bit,Mode=Noise");
        assertEquals("DemoCamera", spec.module().orElseThrow());
        assertEquals("DCam", spec.device().orElseThrow());
        assertEquals("DCam", spec.label());
        assertEquals(5.5, spec.exposureMs().getAsDouble());
        assertEquals(new MmSourceSpec.Roi(1, 2, 64, 32), spec.roi().orElseThrow());
        assertEquals(2, spec.binning().getAsInt());
        assertEquals(Map.of("PixelType", "16bit", "Mode", "Noise"), spec.properties());
    }

    @Test
    void parsesAConfigurationFile() {
        MmSourceSpec spec = MmSourceSpec.parse("mm:config=/opt/mm/MMConfig_demo.cfg");
        assertEquals(Path.of("/opt/mm/MMConfig_demo.cfg"), spec.configFile().orElseThrow());
        assertTrue(spec.module().isEmpty());
    }

    @Test
    void rejectsBothOrNeitherOfConfigAndModule() {
        assertThrows(IllegalArgumentException.class, () -> MmSourceSpec.parse("mm:config=a.cfg,module=X,device=Y"));
        assertThrows(IllegalArgumentException.class, () -> MmSourceSpec.parse("mm:exposure=3"));
        assertThrows(IllegalArgumentException.class, () -> MmSourceSpec.parse("mm:"));
    }

    @Test
    void rejectsAModuleWithoutADevice() {
        var e = assertThrows(IllegalArgumentException.class, () -> MmSourceSpec.parse("mm:module=DemoCamera"));
        assertTrue(e.getMessage().contains("without device="), e.getMessage());
    }

    @Test
    void rejectsAMalformedRoiNamingIt() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> MmSourceSpec.parse("mm:module=DemoCamera,device=DCam,roi=0:0:64"));
        assertTrue(e.getMessage().contains("x:y:w:h"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MmSourceSpec.parse("mm:module=DemoCamera,device=DCam,roi=0:0:0:5"));
    }

    @Test
    void rejectsAnExposureOutOfRange() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> MmSourceSpec.parse("mm:module=DemoCamera,device=DCam,exposure=-1"));
        assertTrue(e.getMessage().contains("exposure"), e.getMessage());
    }

    @Test
    void rejectsEntriesThatAreNotKeyValue() {
        assertThrows(IllegalArgumentException.class, () -> MmSourceSpec.parse("mm:module=DemoCamera,device=DCam,oops"));
        assertThrows(IllegalArgumentException.class, () -> MmSourceSpec.parse("sim:whatever"));
    }
}
