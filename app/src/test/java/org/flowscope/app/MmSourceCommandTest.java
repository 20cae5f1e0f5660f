package org.flowscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MmSourceCommandTest {
    @Test
    void namesEveryMissingPieceOfTheInstallation(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run("live", "--source", "mm:module=DemoCamera,device=DCam", "--mm-home",
                dir.toString(), "--frames", "10", "--out", dir.resolve("run").toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("incomplete Micro-Manager installation"), r.toString());
        assertTrue(r.err().contains("libMMCoreJ_wrap.so"), r.toString());
        assertTrue(r.err().contains("libmmgr_dal_<Module>.so.0"), r.toString());
    }

    @Test
    void rejectsAMalformedMmSpecBeforeTouchingTheInstallation(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run("live", "--source", "mm:module=DemoCamera", "--mm-home", dir.toString(),
                "--out", dir.resolve("run").toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("without device="), r.toString());
    }

    @Test
    void liveHelpDocumentsTheMicroManagerAndServeOptions() {
        CliRunner.Result r = CliRunner.run("live", "--help");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("--mm-home"), r.out());
        assertTrue(r.out().contains("--allow-loss"), r.out());
        assertTrue(r.out().contains("--token"), r.out());
    }
}
