package org.flowscope.engine.natives;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads glibc's {@code /etc/ld.so.cache} (written by {@code ldconfig}), the index the dynamic linker consults between
 * {@code LD_LIBRARY_PATH} and its built-in directories. Only the current format ("glibc-ld.so.cache1.1", glibc 2.2
 * onwards, alone since 2.32 and after the legacy table before) is read; an unreadable or unknown file reads as empty,
 * which only makes a later search fall back to the system directories.
 *
 * <p>Layout: a 48-byte header (magic, entry count, string-table length, flags, extension offset, 12 unused bytes)
 * followed by 24-byte entries (flags, key, value, OS version, hardware capabilities); key (the library name, e.g.
 * {@code libOpenCL.so.1}) and value (its path) are offsets of NUL-terminated strings from the start of the header.
 */
public final class LdSoCache {
    private static final byte[] MAGIC = "glibc-ld.so.cache1.1".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 48;
    private static final int ENTRY = 24;

    private LdSoCache() {
    }

    /** Every name in the cache with its paths, in the cache's order (the order the linker tries them). */
    public static Map<String, List<Path>> read(Path file) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                return Map.of();
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return Map.of();
        }
        return parse(bytes);
    }

    static Map<String, List<Path>> parse(byte[] bytes) {
        int start = indexOf(bytes, MAGIC);
        if (start < 0 || start + HEADER > bytes.length) {
            return Map.of();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        long count = b.getInt(start + MAGIC.length) & 0xffffffffL;
        Map<String, List<Path>> out = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            long at = start + HEADER + i * ENTRY;
            if (at + ENTRY > bytes.length) {
                break;
            }
            String key = string(bytes, start, b.getInt((int) at + 4));
            String value = string(bytes, start, b.getInt((int) at + 8));
            if (key != null && value != null) {
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(Path.of(value));
            }
        }
        return out;
    }

    private static String string(byte[] bytes, int base, int offset) {
        long from = base + (offset & 0xffffffffL);
        if (from >= bytes.length) {
            return null;
        }
        int end = (int) from;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return end == bytes.length ? null : new String(bytes, (int) from, end - (int) from, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
