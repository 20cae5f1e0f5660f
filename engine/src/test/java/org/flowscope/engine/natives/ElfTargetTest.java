package org.flowscope.engine.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscope.engine.natives.ElfTarget.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElfTargetTest {
    private final ElfTarget x86 = new ElfTarget(2, true, 62);

    @TempDir
    Path dir;

    @Test
    void aLibraryOfThisMachineIsLoadable() throws IOException {
        assertEquals(Verdict.LOADABLE, x86.check(ElfFiles.library(dir.resolve("a.so"), 2, 62)));
    }

    @Test
    void aLibraryOfAnotherMachineOrWordSizeIsPassedOver() throws IOException {
        assertEquals(Verdict.OTHER_TARGET, x86.check(ElfFiles.library(dir.resolve("arm.so"), 2, 183)));
        assertEquals(Verdict.OTHER_TARGET, x86.check(ElfFiles.library(dir.resolve("i386.so"), 1, 3)));
    }

    @Test
    void emptyTextAndMissingFilesAreBroken() throws IOException {
        assertEquals(Verdict.BROKEN, x86.check(Files.createFile(dir.resolve("empty.so"))));
        assertEquals(Verdict.BROKEN, x86.check(ElfFiles.text(dir.resolve("script.so"), "INPUT(libfoo.so.1)\n")));
        assertEquals(Verdict.BROKEN, x86.check(dir.resolve("missing.so")));
        assertEquals(Verdict.BROKEN, x86.check(dir));
    }

    @Test
    void theHostTargetAcceptsTheJvmsOwnLibraries() throws IOException {
        Path libjava = Path.of(System.getProperty("java.home"), "lib", "libjava.so");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(libjava), "skipped: no " + libjava);
        assertEquals(Verdict.LOADABLE, ElfTarget.host().check(libjava));
    }

    @Test
    void javaArchitectureNamesMapToElfMachines() {
        assertEquals(62, ElfTarget.machineOf("amd64"));
        assertEquals(183, ElfTarget.machineOf("aarch64"));
        assertEquals(-1, ElfTarget.machineOf("sparcv9"));
    }
}
