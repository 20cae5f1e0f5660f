package org.flowscope.adapters.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MmInstallationTest {
    @TempDir
    Path home;

    @Test
    void findsTheJarAnywhereUnderTheInstallationAndTheNativesInIt() throws Exception {
        Path jar = Files.createDirectories(home.resolve("plugins/Micro-Manager")).resolve("MMCoreJ.jar");
        Files.write(jar, new byte[] {1});
        Files.write(home.resolve("libMMCoreJ_wrap.so"), new byte[] {1});
        Files.write(home.resolve("libmmgr_dal_DemoCamera.so.0"), new byte[] {1});
        Files.write(home.resolve("libmmgr_dal_Utilities.so.0"), new byte[] {1});
        Files.write(home.resolve("libmmgr_dal_Broken.so"), new byte[] {1});
        MmInstallation found = MmInstallation.locate(home);
        assertEquals(jar, found.jar());
        assertEquals(List.of("DemoCamera", "Utilities"), found.adapterModules());
    }

    @Test
    void namesEveryMissingPieceAndWhereItWasLookedFor() {
        var e = assertThrows(IllegalArgumentException.class, () -> MmInstallation.locate(home));
        String message = e.getMessage();
        assertTrue(message.contains("MMCoreJ.jar: searched " + home.toAbsolutePath()), message);
        assertTrue(message.contains("libMMCoreJ_wrap.so (MMCoreJ's native library): looked in " + home.toAbsolutePath()),
                message);
        assertTrue(message.contains("libmmgr_dal_<Module>.so.0: looked in"), message);
    }

    @Test
    void reportsAMissingInstallationDirectory() {
        var e = assertThrows(IllegalArgumentException.class, () -> MmInstallation.locate(home.resolve("absent")));
        assertTrue(e.getMessage().contains("installation directory not found"), e.getMessage());
    }

    @Test
    void takesTheOptionFirstThenMmHome() {
        assertEquals(Path.of("/a"), MmInstallation.resolveHome(Optional.of(Path.of("/a")), Map.of("MM_HOME", "/b")));
        assertEquals(Path.of("/b"), MmInstallation.resolveHome(Optional.empty(), Map.of("MM_HOME", "/b")));
        var e = assertThrows(IllegalArgumentException.class, () -> MmInstallation.resolveHome(Optional.empty(), Map.of()));
        assertTrue(e.getMessage().contains("--mm-home DIR or set MM_HOME"), e.getMessage());
    }
}
