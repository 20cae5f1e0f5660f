package org.flowscope.core.io;

import ij.io.FileInfo;
import ij.io.ImageReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.source.PixelData;

/**
 * Decodes the pixels of one strip-organised page: uncompressed strips are read straight into the frame; compressed
 * ones (LZW, Deflate, PackBits, with or without horizontal differencing) are read into memory and decoded by
 * ImageJ's {@link ImageReader}, their offsets rebased to that buffer so pages past 4 GiB (BigTIFF) decode too.
 */
final class TiffPixels {
    private TiffPixels() {
    }

    /** ImageJ's compression code for a TIFF Compression/Predictor pair, or a message naming what is unsupported. */
    static int imageJCompression(TiffIfd p, Path file) {
        boolean diff = p.predictor() == 2;
        if (p.predictor() != 1 && p.predictor() != 2) {
            throw new IllegalArgumentException("unsupported TIFF predictor " + p.predictor()
                    + (p.predictor() == 3 ? " (floating point)" : "")
                    + ": flowscope reads predictor 1 (none) and 2 (horizontal differencing): " + file);
        }
        return switch (p.compression()) {
            case 1 -> FileInfo.COMPRESSION_NONE;
            case 5 -> diff ? FileInfo.LZW_WITH_DIFFERENCING : FileInfo.LZW;
            case 8, 32946 -> diff ? FileInfo.ZIP_WITH_DIFFERENCING : FileInfo.ZIP;
            case 32773 -> FileInfo.PACK_BITS;
            default -> throw new IllegalArgumentException("unsupported TIFF compression " + compressionName(p.compression())
                    + " (code " + p.compression() + "): flowscope reads uncompressed, LZW, Deflate and PackBits TIFFs: " + file);
        };
    }

    private static String compressionName(int code) {
        return switch (code) {
            case 2 -> "CCITT RLE";
            case 3, 4 -> "CCITT fax";
            case 6, 7 -> "JPEG";
            case 34712 -> "JPEG 2000";
            case 50000 -> "Zstandard";
            case 34925 -> "LZMA";
            case 50001 -> "WebP";
            default -> "code " + code;
        };
    }

    /** Reads {@code width*height} pixels of {@code type} stored uncompressed from {@code offset} on (contiguous). */
    static PixelData readContiguous(FileChannel ch, long offset, int width, int height, PixelType type,
                                    boolean littleEndian, ByteBuffer scratch) throws IOException {
        int n = width * height;
        ByteBuffer buf = scratch.clear().limit(n * type.bytes());
        long pos = offset;
        while (buf.hasRemaining()) {
            int r = ch.read(buf, pos);
            if (r < 0) {
                throw new IOException("unexpected end of file at byte " + pos);
            }
            pos += r;
        }
        buf.flip().order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        return decode(buf, n, type);
    }

    /** Reads a page whose strips are not contiguous, or are compressed. */
    static PixelData readStrips(FileChannel ch, TiffIfd p, PixelType type, boolean littleEndian) throws IOException {
        int n = p.width() * p.height();
        long[] off = p.stripOffsets();
        long[] len = p.stripByteCounts();
        long total = 0;
        for (int i = 0; i < off.length; i++) {
            total += len[i];
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("TIFF page of " + total + " bytes is too large to decode");
        }
        byte[] all = new byte[(int) total];
        int[] rebased = new int[off.length];
        int[] lengths = new int[off.length];
        int at = 0;
        for (int i = 0; i < off.length; i++) {
            ByteBuffer b = ByteBuffer.wrap(all, at, (int) len[i]);
            long pos = off[i];
            while (b.hasRemaining()) {
                int r = ch.read(b, pos);
                if (r < 0) {
                    throw new IOException("unexpected end of file at byte " + pos);
                }
                pos += r;
            }
            rebased[i] = at;
            lengths[i] = (int) len[i];
            at += (int) len[i];
        }
        if (!p.compressed()) {
            if (total < (long) n * type.bytes()) {
                throw new IOException("page strips hold " + total + " bytes, the image needs " + (long) n * type.bytes());
            }
            ByteBuffer buf = ByteBuffer.wrap(all).order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            return decode(buf, n, type);
        }
        FileInfo fi = new FileInfo();
        fi.width = p.width();
        fi.height = p.height();
        fi.fileType = switch (type) {
            case U8 -> FileInfo.GRAY8;
            case U16 -> FileInfo.GRAY16_UNSIGNED;
            case F32 -> FileInfo.GRAY32_FLOAT;
        };
        fi.intelByteOrder = littleEndian;
        fi.compression = imageJCompression(p, Path.of(""));
        fi.stripOffsets = rebased;
        fi.stripLengths = lengths;
        fi.rowsPerStrip = p.rowsPerStrip();
        fi.offset = 0;
        fi.nImages = 1;
        Object pixels = new ImageReader(fi).readPixels(new ByteArrayInputStream(all));
        if (pixels instanceof byte[] b && b.length == n) {
            return new PixelData.U8(b);
        } else if (pixels instanceof short[] s && s.length == n) {
            return new PixelData.U16(s);
        } else if (pixels instanceof float[] f && f.length == n) {
            return new PixelData.F32(f);
        }
        throw new IOException("compressed page at byte " + p.offset() + " does not decode to " + n + " pixels");
    }

    private static PixelData decode(ByteBuffer buf, int n, PixelType type) {
        return switch (type) {
            case U8 -> {
                byte[] a = new byte[n];
                buf.get(a);
                yield new PixelData.U8(a);
            }
            case U16 -> {
                short[] a = new short[n];
                buf.asShortBuffer().get(a);
                yield new PixelData.U16(a);
            }
            case F32 -> {
                float[] a = new float[n];
                buf.asFloatBuffer().get(a);
                yield new PixelData.F32(a);
            }
        };
    }
}
