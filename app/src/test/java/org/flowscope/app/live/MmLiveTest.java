package org.flowscope.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscope.core.source.FrameSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mm: source of live, through a tiny scripted core: a 4-frame buffer that overflows in stop-on-overflow mode. */
public class MmLiveTest {
    /** A directory that passes {@code MmInstallation.locate}; the scripted core never reads it. */
    public static Path fakeInstallation(Path home) throws Exception {
        Files.createDirectories(home.resolve("plugins/Micro-Manager"));
        Files.writeString(home.resolve("plugins/Micro-Manager/MMCoreJ.jar"), "x");
        Files.writeString(home.resolve("libMMCoreJ_wrap.so"), "x");
        Files.writeString(home.resolve("libmmgr_dal_DemoCamera.so.0"), "x");
        return home;
    }

    @Test
    void aFiniteRunThatOverflowedFailsUnlessLossIsAllowed(@TempDir Path dir) throws Exception {
        for (boolean allowLoss : new boolean[] {false, true}) {
            ScriptedOverflowCore core = new ScriptedOverflowCore();
            MmLive live = new MmLive(installation -> core);
            ((MmLive.Options) live.options()).mmHome = fakeInstallation(dir);
            ((MmLive.Options) live.options()).allowLoss = allowLoss;
            try (FrameSource source = live.sources().get(0).open("module=DemoCamera,device=DCam", null, 10L)) {
                int[] frames = {0};
                source.run((m, p) -> frames[0]++);
                assertEquals(4, frames[0]);
            }
            assertTrue(core.closed, "closing the source releases the core");
            if (allowLoss) {
                assertTrue(live.failure(null).isEmpty());
            } else {
                String why = live.failure(null).orElseThrow();
                assertTrue(why.contains("4 of 10 delivered") && why.contains("--allow-loss"), why);
            }
        }
    }
}
