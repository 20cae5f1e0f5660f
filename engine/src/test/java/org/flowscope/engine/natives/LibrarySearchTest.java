package org.flowscope.engine.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibrarySearchTest {
    private final ElfTarget x86 = new ElfTarget(2, true, 62);

    @TempDir
    Path root;

    private LibrarySearch search(List<Path> ldLibraryPath, Map<String, List<Path>> cache) {
        return new LibrarySearch(ldLibraryPath, cache, List.of(root.resolve("lib"), root.resolve("usr/lib")), x86);
    }

    @Test
    void theLibraryPathComesBeforeTheCacheAndTheCacheBeforeTheSystemDirectories() throws IOException {
        Path system = ElfFiles.library(root.resolve("usr/lib/libX.so.1"), 2, 62);
        Path cached = ElfFiles.library(root.resolve("opt/cached/libX.so.1"), 2, 62);
        Path env = ElfFiles.library(root.resolve("env/libX.so.1"), 2, 62);
        Map<String, List<Path>> cache = Map.of("libX.so.1", List.of(cached));
        assertEquals(env, search(List.of(root.resolve("env")), cache).find("libX.so.1").found().orElseThrow());
        assertEquals(cached, search(List.of(root.resolve("nowhere")), cache).find("libX.so.1").found().orElseThrow());
        assertEquals(system, search(List.of(), Map.of()).find("libX.so.1").found().orElseThrow());
    }

    @Test
    void aLibraryForAnotherMachineIsSkippedAndTheSearchGoesOn() throws IOException {
        ElfFiles.library(root.resolve("env/libX.so"), 2, 183);
        Path good = ElfFiles.library(root.resolve("lib/libX.so"), 2, 62);
        LibrarySearch.Lookup l = search(List.of(root.resolve("env")), Map.of()).find("libX.so");
        assertEquals(good, l.found().orElseThrow());
        assertEquals(1, l.skipped().size());
    }

    @Test
    void aBrokenFileStopsTheSearchAsItStopsTheLinker() throws IOException {
        Path empty = Files.createDirectories(root.resolve("env")).resolve("libX.so");
        Files.createFile(empty);
        ElfFiles.library(root.resolve("lib/libX.so"), 2, 62);
        LibrarySearch.Lookup l = search(List.of(root.resolve("env")), Map.of()).find("libX.so");
        assertFalse(l.found().isPresent());
        assertEquals(empty, l.broken().orElseThrow());
        assertTrue(l.describe().contains("is not a loadable library"), l.describe());
    }

    @Test
    void aDanglingLinkIsPassedOverLikeAMissingFile() throws IOException {
        Files.createDirectories(root.resolve("env"));
        Files.createSymbolicLink(root.resolve("env/libX.so"), root.resolve("env/libX.so.9"));
        Path good = ElfFiles.library(root.resolve("usr/lib/libX.so"), 2, 62);
        assertEquals(good, search(List.of(root.resolve("env")), Map.of()).find("libX.so").found().orElseThrow());
    }

    @Test
    void aNameFoundNowhereSaysSo() {
        LibrarySearch.Lookup l = search(List.of(), Map.of()).find("libOpenCL.so");
        assertTrue(l.found().isEmpty() && l.broken().isEmpty());
        assertEquals("libOpenCL.so not found", l.describe());
    }

    @Test
    void theLibraryPathIsSplitAsTheLinkerSplitsIt() {
        assertEquals(List.of(Path.of("/a"), Path.of("/b"), Path.of("/c")), LibrarySearch.splitPath("/a::/b;/c:"));
        assertEquals(List.of(), LibrarySearch.splitPath(null));
    }

    @Test
    void systemDirectoriesIncludeDebiansMultiarchPair() {
        List<Path> dirs = LibrarySearch.systemDirectories("amd64", true);
        assertEquals(Path.of("/lib/x86_64-linux-gnu"), dirs.get(0));
        assertTrue(dirs.contains(Path.of("/usr/lib/x86_64-linux-gnu")) && dirs.contains(Path.of("/usr/lib")));
    }

    @Test
    void aNameWithASlashIsNotASearch() {
        assertThrows(IllegalArgumentException.class, () -> search(List.of(), Map.of()).find("/usr/lib/libX.so"));
    }
}
