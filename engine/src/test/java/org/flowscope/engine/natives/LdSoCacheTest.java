package org.flowscope.engine.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class LdSoCacheTest {
    @Test
    void readsEveryEntryOfACacheInTheCurrentFormat() {
        byte[] cache = cache(new String[][] {{"libA.so.1", "/usr/lib/libA.so.1"}, {"libB.so", "/opt/b/libB.so"},
            {"libA.so.1", "/lib/libA.so.1"}}, 0);
        Map<String, List<Path>> m = LdSoCache.parse(cache);
        assertEquals(List.of(Path.of("/usr/lib/libA.so.1"), Path.of("/lib/libA.so.1")), m.get("libA.so.1"));
        assertEquals(List.of(Path.of("/opt/b/libB.so")), m.get("libB.so"));
    }

    @Test
    void readsTheCurrentTableBehindALegacyOne() {
        byte[] cache = cache(new String[][] {{"libC.so.2", "/usr/lib/libC.so.2"}}, 40);
        assertEquals(List.of(Path.of("/usr/lib/libC.so.2")), LdSoCache.parse(cache).get("libC.so.2"));
    }

    @Test
    void garbageAndTruncatedFilesReadAsEmpty() {
        assertTrue(LdSoCache.parse("not a cache".getBytes(StandardCharsets.US_ASCII)).isEmpty());
        byte[] cache = cache(new String[][] {{"libA.so.1", "/usr/lib/libA.so.1"}}, 0);
        assertTrue(LdSoCache.parse(java.util.Arrays.copyOf(cache, 60)).isEmpty());
        assertTrue(LdSoCache.read(Path.of("/nonexistent/ld.so.cache")).isEmpty());
    }

    @Test
    void agreesWithLdconfigOnThisMachine() throws Exception {
        Path file = Path.of("/etc/ld.so.cache");
        Path ldconfig = List.of(Path.of("/sbin/ldconfig"), Path.of("/usr/sbin/ldconfig")).stream().filter(Files::isExecutable)
                .findFirst().orElse(null);
        Assumptions.assumeTrue(Files.isRegularFile(file) && ldconfig != null, "skipped: no /etc/ld.so.cache or ldconfig here");
        Process p = new ProcessBuilder(ldconfig.toString(), "-p").redirectErrorStream(true).start();
        List<String[]> listed = new ArrayList<>();
        Pattern line = Pattern.compile("^\\s+(\\S+) \\(([^)]*)\\) => (\\S+)$");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                Matcher m = line.matcher(l);
                if (m.matches()) {
                    listed.add(new String[] {m.group(1), m.group(3)});
                }
            }
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        Assumptions.assumeTrue(!listed.isEmpty(), "skipped: ldconfig -p listed nothing");
        Map<String, List<Path>> parsed = LdSoCache.read(file);
        for (String[] e : listed) {
            assertTrue(parsed.getOrDefault(e[0], List.of()).contains(Path.of(e[1])), "ldconfig lists " + e[0] + " => " + e[1]);
        }
    }

    /** A cache as ldconfig writes it, optionally after {@code legacyBytes} of a legacy table. */
    private static byte[] cache(String[][] entries, int legacyBytes) {
        byte[] magic = "glibc-ld.so.cache1.1".getBytes(StandardCharsets.US_ASCII);
        int header = 48;
        int tableEnd = header + 24 * entries.length;
        java.io.ByteArrayOutputStream strings = new java.io.ByteArrayOutputStream();
        int[][] offsets = new int[entries.length][2];
        for (int i = 0; i < entries.length; i++) {
            for (int j = 0; j < 2; j++) {
                offsets[i][j] = tableEnd + strings.size();
                strings.writeBytes(entries[i][j].getBytes(StandardCharsets.UTF_8));
                strings.write(0);
            }
        }
        ByteBuffer b = ByteBuffer.allocate(legacyBytes + tableEnd + strings.size()).order(ByteOrder.nativeOrder());
        b.position(legacyBytes);
        b.put(magic).putInt(entries.length).putInt(strings.size());
        b.position(legacyBytes + header);
        for (int[] o : offsets) {
            b.putInt(0x0303).putInt(o[0]).putInt(o[1]).putInt(0).putLong(0);
        }
        b.put(strings.toByteArray());
        return b.array();
    }
}
