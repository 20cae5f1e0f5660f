package org.flowscope.mmit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.flowscope.adapters.mm.MmCoreLoader;
import org.flowscope.adapters.mm.MmCoreSource;
import org.flowscope.adapters.mm.MmInstallation;
import org.flowscope.adapters.mm.MmSourceSpec;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Micro-Manager installation of this test JVM: {@code -Dflowscope.mm.home}, set by the pom to
 * {@code ../shared/mm/home10} or {@code home12} (one per surefire execution, because MMCoreJ's native library loads
 * once per JVM). Absent (a user's clone), the tests skip with a message; present but unloadable, they fail.
 */
final class RealMm {
    static final String HOME_PROPERTY = "flowscope.mm.home";

    private RealMm() {
    }

    /** The installation, or a skipped test saying what is missing and how to point at one. */
    static MmInstallation installation() {
        String home = System.getProperty(HOME_PROPERTY);
        Assumptions.assumeTrue(home != null && !home.isBlank(), "skipped: no Micro-Manager installation given (-D"
                + HOME_PROPERTY + "=DIR; the mm-it pom sets it to ${mm.shared}/home10 and home12)");
        Path dir = Path.of(home);
        Assumptions.assumeTrue(Files.isDirectory(dir), "skipped: no Micro-Manager installation at "
                + dir.toAbsolutePath().normalize() + " (the test fixtures of ../shared/mm are absent; "
                + "-Dmm.shared=DIR points at a folder holding home10/ and home12/)");
        return MmInstallation.locate(dir);
    }

    /** Opens {@code mm:...} on a fresh core of the installation ({@code frames} empty: continuous). */
    static MmCoreSource open(MmInstallation installation, String spec, OptionalLong frames) {
        return MmCoreSource.open(MmCoreLoader.load(installation), MmSourceSpec.parse(spec), frames);
    }

    /** MMCore 12.x numbers frames per camera (a clear leaves a gap); 10.x restarts the count at every clear. */
    static boolean numbersFramesPerCamera(MmCoreSource source) {
        return !source.coreVersion().contains("version 10.");
    }
}
