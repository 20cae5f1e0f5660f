package org.flowscope.adapters.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.flowscope.core.frame.FrameMetadata;
import org.flowscope.core.source.PixelData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Through the real MMCoreJ binding and the DemoCamera adapter of the installation named by MM_HOME. */
@Tag("mm")
class MmCoreRealBindingTest {
    private MmInstallation installation;

    /** Per test (not per class), so that each skipped test is reported with the message. */
    @BeforeEach
    void findInstallation() {
        String home = System.getenv(MmInstallation.ENV);
        Assumptions.assumeTrue(home != null && !home.isBlank(),
                "skipped: set MM_HOME to a Micro-Manager installation (MMCoreJ.jar, libMMCoreJ_wrap.so, "
                        + "libmmgr_dal_DemoCamera.so.0) to run the real-binding tests");
        installation = MmInstallation.locate(Path.of(home));
    }

    @Test
    void acquiresAFiniteSixteenBitRunFromTheDemoCameraWithoutLoss() throws Exception {
        MmSourceSpec spec = MmSourceSpec.parse(
                "mm:module=DemoCamera,device=DCam,PixelType=16bit,BitDepth=12,exposure=2,roi=0:0:128:64,buffer=20");
        List<FrameMetadata> frames = new ArrayList<>();
        int[] max = {0};
        try (MmCoreSource source = MmCoreSource.open(MmCoreLoader.load(installation), spec, OptionalLong.of(50))) {
            assertEquals(128, source.format().width());
            source.run((m, p) -> {
                frames.add(m);
                for (short s : ((PixelData.U16) p).pixels()) {
                    max[0] = Math.max(max[0], s & 0xFFFF);
                }
            });
            assertFalse(source.loss().any(), source.loss().toString());
        }
        assertEquals(50, frames.size());
        for (int k = 0; k < 50; k++) {
            assertEquals(k, frames.get(k).sequence());
        }
        assertTrue(max[0] > 0 && max[0] < 4096, "12-bit values, read unsigned: max " + max[0]);
    }

    @Test
    void countsTheLossOfAContinuousRunThatIsNotDrainedInTime() throws Exception {
        MmSourceSpec spec = MmSourceSpec.parse(
                "mm:module=DemoCamera,device=DCam,PixelType=16bit,exposure=0,FastImage=1,roi=0:0:64:64,buffer=1");
        try (MmCoreSource source = MmCoreSource.open(MmCoreLoader.load(installation), spec, OptionalLong.empty())) {
            int[] seen = {0};
            source.run((m, p) -> {
                if (seen[0]++ == 0) {
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (seen[0] == 200) {
                    source.stop();
                }
            });
            assertTrue(source.loss().any(), "a 300 ms stall with a 1 MB buffer must show: " + source.loss());
        }
    }
}
