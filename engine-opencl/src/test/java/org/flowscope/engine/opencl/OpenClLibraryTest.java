package org.flowscope.engine.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flowscope.engine.natives.ElfTarget;
import org.flowscope.engine.natives.LibrarySearch;
import org.flowscope.engine.opencl.OpenClLibrary.Plan;
import org.flowscope.engine.opencl.OpenClLibrary.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenClLibraryTest {
    private final ElfTarget x86 = new ElfTarget(2, true, 62);

    @TempDir
    Path root;

    private LibrarySearch search() {
        return new LibrarySearch(List.of(root.resolve("env")), Map.of(), List.of(root.resolve("usr/lib")), x86);
    }

    private Path library(String relative) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}).putShort((short) 3).putShort((short) 62);
        return Files.write(file, b.array());
    }

    @Test
    void theDevelopmentSymlinkIsOpenedByJoclItself() throws IOException {
        Path dev = library("usr/lib/libOpenCL.so");
        library("usr/lib/libOpenCL.so.1");
        assertEquals(new Plan(Route.DIRECT, java.util.Optional.of(dev), ""), OpenClLibrary.plan(search(), true));
    }

    @Test
    void withOnlyTheVersionedLoaderItIsAliasedUnderTheNameJoclOpens() throws IOException {
        Path runtime = library("usr/lib/libOpenCL.so.1");
        Plan plan = OpenClLibrary.plan(search(), true);
        assertEquals(Route.ALIAS, plan.route());
        assertEquals(runtime, plan.library().orElseThrow());
    }

    @Test
    void aBrokenDevelopmentSymlinkFallsBackToTheVersionedLoader() throws IOException {
        Files.createDirectories(root.resolve("env"));
        Files.writeString(root.resolve("env/libOpenCL.so"), "not a library");
        Path runtime = library("usr/lib/libOpenCL.so.1");
        assertEquals(new Plan(Route.ALIAS, java.util.Optional.of(runtime), ""), OpenClLibrary.plan(search(), true));
    }

    @Test
    void withoutAnyLoaderJoclIsNotTouchedAndTheReasonSaysWhereItLooked() {
        Plan plan = OpenClLibrary.plan(search(), true);
        assertEquals(Route.MISSING, plan.route());
        assertTrue(plan.reason().contains("libOpenCL.so not found") && plan.reason().contains("libOpenCL.so.1 not found")
                && plan.reason().contains("LD_LIBRARY_PATH") && plan.reason().contains(root.resolve("usr/lib").toString()),
                plan.reason());
    }

    @Test
    void whereAliasesCannotBeBuiltTheVersionedLoaderAloneIsNotEnough() throws IOException {
        library("usr/lib/libOpenCL.so.1");
        Plan plan = OpenClLibrary.plan(search(), false);
        assertEquals(Route.MISSING, plan.route());
        assertTrue(plan.reason().contains("only libOpenCL.so.1"), plan.reason());
    }

    @Test
    void theRemediesNameTheDebianPackages() {
        assertTrue(OpenClLibrary.INSTALL_LOADER.contains("ocl-icd-libopencl1") && OpenClLibrary.INSTALL_LOADER.contains("pocl-opencl-icd"));
        assertTrue(OpenClLibrary.INSTALL_DRIVER.contains("pocl-opencl-icd") && OpenClLibrary.INSTALL_DRIVER.contains("nvidia-opencl-icd"));
    }
}
