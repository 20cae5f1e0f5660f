package org.flowscope.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;
import org.flowscope.core.frame.PixelType;

/**
 * Writes the directories of a stack whose frames lie contiguous in the file (frame k at {@code dataStart + k *
 * frameBytes}): one uncompressed single-strip IFD per frame, the description (ImageJ or OME-XML) in the first, then
 * the header at byte 0 pointing to it. Little-endian; classic TIFF or BigTIFF.
 *
 * <p>Because the pixel data is contiguous and precedes the directories, the directories can be written, or written
 * again, after the data: that is what makes a stream recoverable ({@link TiffStreamRecovery}).
 */
final class TiffDirectories {
    static final long MAX_CLASSIC = 0xFFFF_FFFFL;
    private static final int CHUNK = 1 << 20;

    private final int width;
    private final int height;
    private final PixelType type;
    private final long frameBytes;
    private final byte[] description;
    private final OptionalDouble pixelSizeNm;

    TiffDirectories(int width, int height, PixelType type, String description, OptionalDouble pixelSizeNm) {
        this.width = width;
        this.height = height;
        this.type = type;
        this.frameBytes = (long) width * height * type.bytes();
        this.description = (description + '\0').getBytes(StandardCharsets.UTF_8);
        this.pixelSizeNm = pixelSizeNm;
    }

    private int entries(boolean first) {
        return 11 + (first ? 1 : 0) + (pixelSizeNm.isPresent() ? 3 : 0);
    }

    private long ifdSize(boolean first, boolean big) {
        return big ? 8 + entries(first) * 20L + 8 : 2 + entries(first) * 12L + 4;
    }

    /** File length of a classic TIFF with these directories after {@code frames} frames from {@code dataStart}. */
    long classicLength(long dataStart, long frames) {
        long dataEnd = dataStart + frames * frameBytes;
        return align(align(dataEnd) + description.length) + 8 + ifdSize(true, false) + (frames - 1) * ifdSize(false, false);
    }

    /** True when the file would pass 4 GiB as classic TIFF. */
    boolean needsBigTiff(long dataStart, long frames) {
        return classicLength(dataStart, frames) > MAX_CLASSIC;
    }

    /**
     * Writes description, resolution, directories and then the 16-byte header slot at byte 0 (classic: 8 header bytes
     * + 8 zeros), and truncates the file after the last directory. Returns the file length.
     */
    long write(FileChannel ch, long dataStart, long frames, boolean big) throws IOException {
        long dataEnd = dataStart + frames * frameBytes;
        long descAt = align(dataEnd);
        long resAt = align(descAt + description.length);
        long ifd0 = resAt + 8;
        long end = ifd0 + ifdSize(true, big) + (frames - 1) * ifdSize(false, big);
        if (!big && end > MAX_CLASSIC) {
            throw new IllegalStateException("classic TIFF cannot address " + end + " bytes; BigTIFF is needed");
        }
        ChunkedWriter out = new ChunkedWriter(ch, descAt);
        out.bytes(description);
        out.pad(resAt);
        long[] rational = rational(pixelSizeNm.isPresent() ? 1e3 / pixelSizeNm.getAsDouble() : 1);
        out.buf().putInt((int) rational[0]).putInt((int) rational[1]);
        long at = ifd0;
        int bits = type.bytes() * 8;
        int sampleFormat = type == PixelType.F32 ? 3 : 1;
        for (long i = 0; i < frames; i++) {
            boolean first = i == 0;
            long next = i + 1 < frames ? at + ifdSize(first, big) : 0;
            out.ensure((int) ifdSize(first, big));
            ByteBuffer b = out.buf();
            if (big) {
                b.putLong(entries(first));
            } else {
                b.putShort((short) entries(first));
            }
            entry(b, big, 254, 4, 1, 0);
            entry(b, big, 256, 4, 1, width);
            entry(b, big, 257, 4, 1, height);
            entry(b, big, 258, 3, 1, bits);
            entry(b, big, 259, 3, 1, 1);
            entry(b, big, 262, 3, 1, 1);
            if (first) {
                entry(b, big, 270, 2, description.length, descAt);
            }
            entry(b, big, 273, big ? 16 : 4, 1, dataStart + i * frameBytes);
            entry(b, big, 277, 3, 1, 1);
            entry(b, big, 278, 4, 1, height);
            entry(b, big, 279, big ? 16 : 4, 1, frameBytes);
            if (pixelSizeNm.isPresent()) {
                long inlineRational = (rational[1] << 32) | rational[0];
                entry(b, big, 282, 5, 1, big ? inlineRational : resAt);
                entry(b, big, 283, 5, 1, big ? inlineRational : resAt);
                entry(b, big, 296, 3, 1, 1);
            }
            entry(b, big, 339, 3, 1, sampleFormat);
            if (big) {
                b.putLong(next);
            } else {
                b.putInt((int) next);
            }
            at = next;
        }
        out.flush();
        ch.truncate(end);
        ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) 'I').put((byte) 'I');
        if (big) {
            header.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(ifd0);
        } else {
            header.putShort((short) 42).putInt((int) ifd0).putLong(0);
        }
        header.flip();
        long pos = 0;
        while (header.hasRemaining()) {
            pos += ch.write(header, pos);
        }
        return end;
    }

    private static void entry(ByteBuffer out, boolean big, int tag, int fieldType, long count, long value) {
        out.putShort((short) tag).putShort((short) fieldType);
        if (big) {
            out.putLong(count);
            if (fieldType == 3 && count == 1) {
                out.putShort((short) value).putShort((short) 0).putInt(0);
            } else if (fieldType == 4 && count == 1) {
                out.putInt((int) value).putInt(0);
            } else {
                out.putLong(value);
            }
        } else {
            out.putInt((int) count);
            if (fieldType == 3 && count == 1) {
                out.putShort((short) value).putShort((short) 0);
            } else {
                out.putInt((int) value);
            }
        }
    }

    static long align(long offset) {
        return (offset + 1) & ~1L;
    }

    /** Pixels per micron as a TIFF RATIONAL with the largest denominator that fits. */
    private static long[] rational(double value) {
        long den = 1_000_000;
        while (den > 1 && value * den > Integer.MAX_VALUE) {
            den /= 10;
        }
        return new long[] {Math.round(value * den), den};
    }

    /** Sequential little-endian writes at increasing positions, buffered in 1 MiB chunks. */
    private static final class ChunkedWriter {
        private final FileChannel ch;
        private ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        private long pos;

        ChunkedWriter(FileChannel ch, long pos) {
            this.ch = ch;
            this.pos = pos;
        }

        ByteBuffer buf() {
            return buf;
        }

        void ensure(int bytes) throws IOException {
            if (buf.remaining() < bytes) {
                flush();
            }
            if (buf.remaining() < bytes) {
                buf = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
            }
        }

        void bytes(byte[] b) throws IOException {
            ensure(b.length);
            buf.put(b);
        }

        void pad(long to) throws IOException {
            long here = pos + buf.position();
            ensure((int) (to - here) + 8);
            for (long p = here; p < to; p++) {
                buf.put((byte) 0);
            }
        }

        void flush() throws IOException {
            buf.flip();
            while (buf.hasRemaining()) {
                pos += ch.write(buf, pos);
            }
            buf.clear();
        }
    }
}
