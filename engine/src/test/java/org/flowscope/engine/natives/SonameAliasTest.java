package org.flowscope.engine.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SonameAliasTest {
    private final ElfTarget x86 = new ElfTarget(2, true, 62);

    @TempDir
    Path dir;

    @Test
    void theStubNamesItselfAndItsOneDependencyInItsDynamicSection() throws IOException {
        byte[] stub = SonameAlias.stub("libOpenCL.so", "/usr/lib/x86_64-linux-gnu/libOpenCL.so.1", x86);
        assertEquals(ElfTarget.Verdict.LOADABLE, x86.check(Files.write(dir.resolve("stub.so"), stub)));
        ByteBuffer b = ByteBuffer.wrap(stub).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(3, b.getShort(16), "ET_DYN");
        int phnum = b.getShort(56);
        Map<Integer, long[]> segments = new HashMap<>();
        for (int i = 0; i < phnum; i++) {
            int at = 64 + 56 * i;
            segments.put(b.getInt(at), new long[] {b.getInt(at + 4), b.getLong(at + 8), b.getLong(at + 32)});
        }
        assertEquals(6, segments.get(0x6474e551)[0], "a non-executable stack, or the JVM warns about its stack guard");
        assertEquals(stub.length, segments.get(1)[2], "one load segment maps the whole file");
        long[] dyn = segments.get(2);
        Map<Long, List<Long>> tags = new HashMap<>();
        for (int at = (int) dyn[1]; at < dyn[1] + dyn[2]; at += 16) {
            tags.computeIfAbsent(b.getLong(at), k -> new ArrayList<>()).add(b.getLong(at + 8));
        }
        int strtab = (int) (long) tags.get(5L).get(0);
        assertEquals(List.of("/usr/lib/x86_64-linux-gnu/libOpenCL.so.1"), tags.get(1L).stream().map(o -> cString(stub, strtab + (int) (long) o)).toList());
        assertEquals("libOpenCL.so", cString(stub, strtab + (int) (long) tags.get(14L).get(0)));
        assertTrue(tags.containsKey(0L), "terminated by DT_NULL");
    }

    @Test
    void onlySixtyFourBitLittleEndianTargetsAreSupported() {
        assertFalse(SonameAlias.supports(new ElfTarget(1, true, 3)));
        assertFalse(SonameAlias.supports(new ElfTarget(2, false, 22)));
        assertTrue(SonameAlias.supports(new ElfTarget(2, true, 183)));
        assertThrows(IllegalArgumentException.class, () -> SonameAlias.stub("a", "/b", new ElfTarget(1, true, 3)));
        assertThrows(IllegalArgumentException.class, () -> SonameAlias.load("libA.so", Path.of("relative.so"), x86));
    }

    @Test
    void theJvmLoadsAStubAndWithItTheLibraryItNames() throws IOException {
        ElfTarget host = ElfTarget.host();
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux") && SonameAlias.supports(host),
                "skipped: stubs are for 64-bit little-endian Linux");
        // a small JDK library that only the foreign-function API loads, so not mapped before this test
        Path real = Path.of(System.getProperty("java.home"), "lib", "libsyslookup.so");
        Assumptions.assumeTrue(Files.isRegularFile(real), "skipped: no " + real);
        Assumptions.assumeFalse(Files.readString(Path.of("/proc/self/maps")).contains(real.toRealPath().toString()),
                "skipped: " + real + " is loaded already");
        SonameAlias.load("libflowscope-stub-test.so", real, host);
        String maps = Files.readString(Path.of("/proc/self/maps"));
        assertTrue(maps.contains(real.toRealPath().toString()), "the named library is mapped");
        try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertTrue(left.noneMatch(p -> Files.exists(p.resolve("libflowscope-stub-test.so"))), "the stub file is removed");
        }
    }

    private static String cString(byte[] bytes, int from) {
        int end = from;
        while (bytes[end] != 0) {
            end++;
        }
        return new String(bytes, from, end - from, StandardCharsets.UTF_8);
    }
}
