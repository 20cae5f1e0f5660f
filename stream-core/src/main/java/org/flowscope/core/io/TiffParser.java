package org.flowscope.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks the directory chain of a classic or BigTIFF file, either byte order, with every read bounded: each
 * directory and each tag value must lie inside the file, a directory may not be visited twice (a loop), and entry
 * counts are capped. A malformed file therefore fails in time proportional to its size, with a message naming the
 * directory and the byte, where ImageJ's {@code TiffDecoder} loops forever on a directory that points to itself.
 *
 * <p>Why hand-written: Bio-Formats is not on Maven Central, ImageJ 1.x reads neither BigTIFF nor defends against
 * loops, and the ImageIO TIFF plug-ins decode into {@code BufferedImage}s without the ImageJ/OME/Micro-Manager
 * descriptions flowscope needs. Decompression is still ImageJ's ({@link TiffPixels}); this class only parses.
 */
final class TiffParser {
    /** More entries than any real writer emits (ImageJ: ~20, Micro-Manager: ~25, OME: ~15). */
    private static final int MAX_ENTRIES = 4096;
    /** Descriptions and Micro-Manager metadata are read for this many leading directories only. */
    private static final int METADATA_PAGES = 2;
    private static final int[] TYPE_SIZE = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8};

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private ByteOrder order;
    private boolean bigTiff;

    TiffParser(Path file, FileChannel channel, long size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    boolean bigTiff() {
        return bigTiff;
    }

    boolean littleEndian() {
        return order == ByteOrder.LITTLE_ENDIAN;
    }

    /** Every directory of the file, in chain order; throws {@link IllegalArgumentException} on a malformed file. */
    List<TiffIfd> directories() {
        long next = header();
        List<TiffIfd> ifds = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        while (next != 0) {
            int n = ifds.size() + 1;
            if (next < 0 || next >= size) {
                // a writer that puts the directories after the pixels (ImageJ, flowscope) loses them when cut short
                String what = ifds.isEmpty() ? "truncated TIFF (or a corrupt header): its first directory"
                        : "truncated TIFF: directory " + n;
                throw bad(what + " is said to start at byte " + Long.toUnsignedString(next)
                        + ", past the end of the file (" + size + " bytes)");
            }
            if (!seen.add(next)) {
                throw bad("corrupt TIFF: directory " + n + " points back to the directory at byte " + next
                        + " (a loop in the directory chain)");
            }
            long[] nextOut = new long[1];
            ifds.add(directory(next, n, ifds.size() < METADATA_PAGES, nextOut));
            next = nextOut[0];
        }
        return ifds;
    }

    private long header() {
        ByteBuffer b = read(0, 16 <= size ? 16 : (int) size);
        byte b0 = b.get(0);
        byte b1 = b.get(1);
        if (b0 == 'I' && b1 == 'I') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (b0 == 'M' && b1 == 'M') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw bad("not a TIFF file (it starts with " + describeStart(b) + ", a TIFF starts with II or MM)");
        }
        b.order(order);
        int magic = b.getShort(2) & 0xFFFF;
        if (magic == 42) {
            return b.getInt(4) & 0xFFFFFFFFL;
        }
        if (magic == 43) {
            bigTiff = true;
            if (size < 16 || (b.getShort(4) & 0xFFFF) != 8) {
                throw bad("corrupt BigTIFF header (offset size " + (size < 16 ? "missing" : b.getShort(4)) + ", expected 8)");
            }
            return b.getLong(8);
        }
        throw bad("not a TIFF file (version number " + magic + " after the byte-order mark; TIFF has 42, BigTIFF 43)");
    }

    private TiffIfd directory(long at, int n, boolean withMetadata, long[] nextOut) {
        int countSize = bigTiff ? 8 : 2;
        int entrySize = bigTiff ? 20 : 12;
        int pointerSize = bigTiff ? 8 : 4;
        if (at + countSize > size) {
            throw bad("truncated TIFF: directory " + n + " at byte " + at + " is cut off by the end of the file");
        }
        ByteBuffer c = read(at, countSize);
        long count = bigTiff ? c.getLong(0) : c.getShort(0) & 0xFFFF;
        if (count <= 0 || count > MAX_ENTRIES || at + countSize + count * entrySize + pointerSize > size) {
            throw bad("corrupt TIFF: directory " + n + " at byte " + at + " claims " + count + " entries"
                    + (count > 0 && count <= MAX_ENTRIES ? ", more than the file holds" : ""));
        }
        ByteBuffer e = read(at + countSize, (int) (count * entrySize + pointerSize));
        Fields f = new Fields();
        for (int i = 0; i < count; i++) {
            int p = i * entrySize;
            int tag = e.getShort(p) & 0xFFFF;
            int type = e.getShort(p + 2) & 0xFFFF;
            long values = bigTiff ? e.getLong(p + 4) : e.getInt(p + 4) & 0xFFFFFFFFL;
            int valuePos = p + (bigTiff ? 12 : 8);
            f.set(tag, type, values, e, valuePos, n, withMetadata);
        }
        long next = bigTiff ? e.getLong((int) (count * entrySize)) : e.getInt((int) (count * entrySize)) & 0xFFFFFFFFL;
        nextOut[0] = next;
        return f.toIfd(at, n);
    }

    /** The fields of one directory as they are read. */
    private final class Fields {
        int width;
        int height;
        int bits = 1;
        int sampleFormat = 1;
        int samples = 1;
        int compression = 1;
        int predictor = 1;
        long[] stripOffsets = new long[0];
        long[] stripCounts = new long[0];
        long rowsPerStrip = -1;
        int tileWidth;
        int tileHeight;
        final List<String> descriptions = new ArrayList<>();
        double xResolution;
        int resolutionUnit = 2;
        String mm;

        void set(int tag, int type, long count, ByteBuffer entry, int valuePos, int n, boolean withMetadata) {
            switch (tag) {
                case 256 -> width = (int) first(tag, type, count, entry, valuePos, n);
                case 257 -> height = (int) first(tag, type, count, entry, valuePos, n);
                case 258 -> bits = (int) first(tag, type, count, entry, valuePos, n);
                case 259 -> compression = (int) first(tag, type, count, entry, valuePos, n);
                case 273, 324 -> stripOffsets = numbers(tag, type, count, entry, valuePos, n);
                case 277 -> samples = (int) first(tag, type, count, entry, valuePos, n);
                case 278 -> rowsPerStrip = first(tag, type, count, entry, valuePos, n);
                case 279, 325 -> stripCounts = numbers(tag, type, count, entry, valuePos, n);
                case 282 -> xResolution = rational(tag, type, count, entry, valuePos, n);
                case 296 -> resolutionUnit = (int) first(tag, type, count, entry, valuePos, n);
                case 317 -> predictor = (int) first(tag, type, count, entry, valuePos, n);
                case 322 -> tileWidth = (int) Math.max(1, first(tag, type, count, entry, valuePos, n));
                case 323 -> tileHeight = (int) Math.max(1, first(tag, type, count, entry, valuePos, n));
                case 339 -> sampleFormat = (int) first(tag, type, count, entry, valuePos, n);
                case 270 -> {
                    if (withMetadata) {
                        descriptions.add(text(tag, type, count, entry, valuePos, n));
                    }
                }
                case 51123 -> {
                    if (withMetadata) {
                        mm = text(tag, type, count, entry, valuePos, n);
                    }
                }
                default -> {
                    // other tags are not needed, and their values are not read
                }
            }
        }

        TiffIfd toIfd(long at, int n) {
            if (width <= 0 || height <= 0) {
                throw bad("corrupt TIFF: directory " + n + " at byte " + at + " has image size " + width + "x" + height);
            }
            int rps = rowsPerStrip <= 0 || rowsPerStrip > height ? height : (int) rowsPerStrip;
            return new TiffIfd(at, width, height, bits, sampleFormat, samples, compression, predictor, stripOffsets,
                    stripCounts, rps, tileWidth, tileHeight, List.copyOf(descriptions), xResolution, resolutionUnit, mm);
        }
    }

    private long first(int tag, int type, long count, ByteBuffer entry, int valuePos, int n) {
        long[] v = numbers(tag, type, Math.min(count, 1), entry, valuePos, n);
        if (v.length == 0) {
            throw bad("corrupt TIFF: tag " + tag + " of directory " + n + " has no value");
        }
        return v[0];
    }

    private long[] numbers(int tag, int type, long count, ByteBuffer entry, int valuePos, int n) {
        int ts = typeSize(tag, type, n);
        ByteBuffer src = values(tag, ts, count, entry, valuePos, n);
        long[] out = new long[(int) count];
        for (int i = 0; i < count; i++) {
            int p = i * ts;
            out[i] = switch (type) {
                case 1, 6, 7 -> src.get(p) & 0xFF;
                case 3, 8 -> src.getShort(p) & 0xFFFF;
                case 4, 9, 13 -> src.getInt(p) & 0xFFFFFFFFL;
                case 16, 17, 18 -> src.getLong(p);
                default -> throw bad("corrupt TIFF: tag " + tag + " of directory " + n + " has non-integer type " + type);
            };
        }
        return out;
    }

    private double rational(int tag, int type, long count, ByteBuffer entry, int valuePos, int n) {
        if (count < 1) {
            return 0;
        }
        int ts = typeSize(tag, type, n);
        ByteBuffer src = values(tag, ts, 1, entry, valuePos, n);
        return switch (type) {
            case 5 -> {
                long num = src.getInt(0) & 0xFFFFFFFFL;
                long den = src.getInt(4) & 0xFFFFFFFFL;
                yield den == 0 ? 0 : (double) num / den;
            }
            case 11 -> src.getFloat(0);
            case 12 -> src.getDouble(0);
            case 3 -> src.getShort(0) & 0xFFFF;
            case 4 -> src.getInt(0) & 0xFFFFFFFFL;
            default -> 0;
        };
    }

    private String text(int tag, int type, long count, ByteBuffer entry, int valuePos, int n) {
        if (type != 2 && type != 1 && type != 7) {
            return null;
        }
        ByteBuffer src = values(tag, 1, count, entry, valuePos, n);
        byte[] bytes = new byte[(int) count];
        src.get(0, bytes);
        int len = bytes.length;
        while (len > 0 && bytes[len - 1] == 0) {
            len--;
        }
        return new String(bytes, 0, len, StandardCharsets.UTF_8);
    }

    private int typeSize(int tag, int type, int n) {
        int ts = type > 0 && type < TYPE_SIZE.length ? TYPE_SIZE[type] : 0;
        if (ts == 0) {
            throw bad("corrupt TIFF: tag " + tag + " of directory " + n + " has unknown field type " + type);
        }
        return ts;
    }

    /** The value bytes of an entry: inline when they fit the entry's value field, else at the offset it holds. */
    private ByteBuffer values(int tag, int typeSize, long count, ByteBuffer entry, int valuePos, int n) {
        long bytes = count * typeSize;
        int inline = bigTiff ? 8 : 4;
        if (count < 0 || count > Integer.MAX_VALUE / 8) {
            throw bad("corrupt TIFF: tag " + tag + " of directory " + n + " claims " + count + " values");
        }
        if (bytes <= inline) {
            ByteBuffer b = ByteBuffer.allocate(inline).order(order);
            b.put(0, entry, valuePos, inline);
            return b;
        }
        long at = bigTiff ? entry.getLong(valuePos) : entry.getInt(valuePos) & 0xFFFFFFFFL;
        if (at < 0 || at + bytes > size) {
            throw bad("corrupt TIFF: tag " + tag + " of directory " + n + " holds " + count + " values at byte "
                    + Long.toUnsignedString(at) + ", past the end of the file (" + size + " bytes)");
        }
        return read(at, (int) bytes);
    }

    private ByteBuffer read(long at, int length) {
        ByteBuffer b = ByteBuffer.allocate(length);
        try {
            long pos = at;
            while (b.hasRemaining()) {
                int r = channel.read(b, pos);
                if (r < 0) {
                    throw bad("truncated TIFF: needs byte " + (at + length) + " but the file has " + size);
                }
                pos += r;
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
        return b.flip().order(order == null ? ByteOrder.LITTLE_ENDIAN : order);
    }

    private static String describeStart(ByteBuffer b) {
        StringBuilder text = new StringBuilder();
        boolean printable = true;
        for (int i = 0; i < Math.min(4, b.limit()); i++) {
            int c = b.get(i) & 0xFF;
            printable &= c >= 0x20 && c < 0x7F;
            text.append((char) c);
        }
        if (printable) {
            return "the text \"" + text + "\"";
        }
        StringBuilder hex = new StringBuilder("bytes");
        for (int i = 0; i < Math.min(4, b.limit()); i++) {
            hex.append(String.format(" %02x", b.get(i) & 0xFF));
        }
        return hex.toString();
    }

    private IllegalArgumentException bad(String message) {
        return new IllegalArgumentException(message + ": " + file);
    }
}
