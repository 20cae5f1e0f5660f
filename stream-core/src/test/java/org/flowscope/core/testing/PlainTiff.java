package org.flowscope.core.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes minimal baseline TIFFs for tests, independently of the production writers: big-endian, one strip per
 * page, pages not contiguous (a 16-byte gap between them), no ImageJ description unless given. Any bit depth and
 * sample format can be declared, so tests can produce files flowscope must reject (int16, float64, RGB).
 */
public final class PlainTiff {
    private PlainTiff() {
    }

    /**
     * @param pages        raw pixel bytes per page, big-endian
     * @param bits         BitsPerSample
     * @param sampleFormat 1 unsigned, 2 signed, 3 float
     * @param samples      SamplesPerPixel
     * @param description  ImageDescription for the first page, or null
     */
    public static void write(Path file, int width, int height, byte[][] pages, int bits, int sampleFormat, int samples,
                             String description) throws IOException {
        int entries = description == null ? 10 : 11;
        int ifdSize = 2 + entries * 12 + 4;
        int size = 8;
        for (byte[] p : pages) {
            size += p.length + 16 + ifdSize + 8;
        }
        byte[] desc = description == null ? new byte[0] : (description + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(size + desc.length + 64).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(0);
        int descOffset = b.position();
        b.put(desc);
        int prevNextPtr = 4;
        for (int i = 0; i < pages.length; i++) {
            b.position(b.position() + 16 + (b.position() & 1));
            int dataOffset = b.position();
            b.put(pages[i]);
            if ((b.position() & 1) == 1) {
                b.put((byte) 0);
            }
            int ifd = b.position();
            b.putInt(prevNextPtr, ifd);
            b.putShort((short) entries);
            entry(b, 256, 4, 1, width);
            entry(b, 257, 4, 1, height);
            entry(b, 258, 3, 1, bits);
            entry(b, 259, 3, 1, 1);
            entry(b, 262, 3, 1, samples == 3 ? 2 : 1);
            if (description != null) {
                entry(b, 270, 2, desc.length, descOffset);
            }
            entry(b, 273, 4, 1, dataOffset);
            entry(b, 277, 3, 1, samples);
            entry(b, 278, 4, 1, height);
            entry(b, 279, 4, 1, pages[i].length);
            entry(b, 339, 3, 1, sampleFormat);
            prevNextPtr = b.position();
            b.putInt(0);
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        Files.write(file, out);
    }

    /** A plain multi-page u16 TIFF of {@code frames} pages whose pixel (f, i) holds {@code f * 1000 + i}. */
    public static void writeU16Ramp(Path file, int width, int height, int frames) throws IOException {
        byte[][] pages = new byte[frames][];
        for (int f = 0; f < frames; f++) {
            ByteBuffer p = ByteBuffer.allocate(width * height * 2).order(ByteOrder.BIG_ENDIAN);
            for (int i = 0; i < width * height; i++) {
                p.putShort((short) (f * 1000 + i));
            }
            pages[f] = p.array();
        }
        write(file, width, height, pages, 16, 1, 1, null);
    }

    /** A plain float32 TIFF with the given per-frame values (length frames * width * height). */
    public static void writeF32(Path file, int width, int height, int frames, float[] values) throws IOException {
        byte[][] pages = new byte[frames][];
        int n = width * height;
        for (int f = 0; f < frames; f++) {
            ByteBuffer p = ByteBuffer.allocate(n * 4).order(ByteOrder.BIG_ENDIAN);
            for (int i = 0; i < n; i++) {
                p.putFloat(values[f * n + i]);
            }
            pages[f] = p.array();
        }
        write(file, width, height, pages, 32, 3, 1, null);
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3 && count == 1) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }
}
