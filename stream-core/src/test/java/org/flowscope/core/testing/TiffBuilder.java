package org.flowscope.core.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Builds little-endian classic TIFFs tag by tag for tests, independently of the production writers: any tag, any
 * strip layout, and directory chains that production code must reject (loops, directories past the end). Each page
 * is its strip bytes followed by its directory; {@link #nextOverride} bends a page's next-directory pointer.
 */
public final class TiffBuilder {
    /** {@link Page#nextOverride} value: the page's own directory. */
    public static final long SELF = -1;
    /** {@link Page#nextOverride} value: the first page's directory. */
    public static final long FIRST = -2;

    private final List<Page> pages = new ArrayList<>();

    /** One page: its strips and its tags (value arrays; strings for ASCII). */
    public final class Page {
        final TreeMap<Integer, Object[]> tags = new TreeMap<>();
        final List<byte[]> strips = new ArrayList<>();
        Long nextOverride;

        /** A numeric tag: type 3 (SHORT), 4 (LONG), 5 (RATIONAL: pairs num, den), 16 (LONG8). */
        public Page tag(int tag, int type, long... values) {
            tags.put(tag, new Object[] {type, values});
            return this;
        }

        public Page ascii(int tag, String text) {
            tags.put(tag, new Object[] {2, text});
            return this;
        }

        /** Adds strips; StripOffsets/StripByteCounts are filled in by {@link #write}. */
        public Page strips(byte[]... data) {
            strips.addAll(List.of(data));
            return this;
        }

        /**
         * The next-directory pointer of this page, instead of the following page's directory; {@link #SELF} points
         * to this page's own directory, {@link #FIRST} to the first page's.
         */
        public Page nextOverride(long offset) {
            nextOverride = offset;
            return this;
        }

        public TiffBuilder done() {
            return TiffBuilder.this;
        }
    }

    /** A page of {@code width x height} with the baseline tags for the given bits/sample format, no strips yet. */
    public Page page(int width, int height, int bits, int sampleFormat) {
        Page p = new Page();
        p.tag(256, 4, width).tag(257, 4, height).tag(258, 3, bits).tag(259, 3, 1).tag(262, 3, 1)
                .tag(277, 3, 1).tag(278, 4, height).tag(339, 3, sampleFormat);
        pages.add(p);
        return p;
    }

    public byte[] bytes() {
        ByteBuffer b = ByteBuffer.allocate(1 << 22).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(0);
        int prevNext = 4;
        int firstIfd = -1;
        for (Page p : pages) {
            long[] offsets = new long[p.strips.size()];
            long[] counts = new long[p.strips.size()];
            for (int i = 0; i < offsets.length; i++) {
                align(b);
                offsets[i] = b.position();
                counts[i] = p.strips.get(i).length;
                b.put(p.strips.get(i));
            }
            if (offsets.length > 0 && !p.tags.containsKey(322)) {
                p.tag(273, 4, offsets);
                if (!p.tags.containsKey(279)) {
                    p.tag(279, 4, counts);
                }
            }
            // out-of-line values first, then the directory
            TreeMap<Integer, Long> valueAt = new TreeMap<>();
            for (var e : p.tags.entrySet()) {
                byte[] v = valueBytes(e.getValue());
                if (v.length > 4) {
                    align(b);
                    valueAt.put(e.getKey(), (long) b.position());
                    b.put(v);
                }
            }
            align(b);
            int ifd = b.position();
            firstIfd = firstIfd < 0 ? ifd : firstIfd;
            b.putInt(prevNext, ifd);
            b.putShort((short) p.tags.size());
            for (var e : p.tags.entrySet()) {
                int type = (int) e.getValue()[0];
                byte[] v = valueBytes(e.getValue());
                b.putShort((short) (int) e.getKey()).putShort((short) type).putInt(count(e.getValue()));
                if (valueAt.containsKey(e.getKey())) {
                    b.putInt((int) (long) valueAt.get(e.getKey()));
                } else {
                    byte[] four = new byte[4];
                    System.arraycopy(v, 0, four, 0, v.length);
                    b.put(four);
                }
            }
            prevNext = b.position();
            long next = p.nextOverride == null ? 0 : p.nextOverride == SELF ? ifd : p.nextOverride == FIRST ? firstIfd
                    : p.nextOverride;
            b.putInt((int) next);
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    public Path write(Path file) throws IOException {
        Files.write(file, bytes());
        return file;
    }

    private static void align(ByteBuffer b) {
        if ((b.position() & 1) != 0) {
            b.put((byte) 0);
        }
    }

    private static int count(Object[] v) {
        int type = (int) v[0];
        if (type == 2) {
            return ((String) v[1]).getBytes(StandardCharsets.UTF_8).length + 1;
        }
        long[] values = (long[]) v[1];
        return type == 5 ? values.length / 2 : values.length;
    }

    private static byte[] valueBytes(Object[] v) {
        int type = (int) v[0];
        if (type == 2) {
            byte[] s = ((String) v[1]).getBytes(StandardCharsets.UTF_8);
            byte[] z = new byte[s.length + 1];
            System.arraycopy(s, 0, z, 0, s.length);
            return z;
        }
        long[] values = (long[]) v[1];
        int size = switch (type) {
            case 3 -> 2;
            case 4, 5 -> 4;
            case 16 -> 8;
            default -> throw new IllegalArgumentException("type " + type);
        };
        ByteBuffer b = ByteBuffer.allocate(values.length * size).order(ByteOrder.LITTLE_ENDIAN);
        for (long x : values) {
            switch (size) {
                case 2 -> b.putShort((short) x);
                case 4 -> b.putInt((int) x);
                default -> b.putLong(x);
            }
        }
        return b.array();
    }

    /** Little-endian u16 pixels. */
    public static byte[] u16(int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }
}
