package org.flowscope.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.source.PixelData;

/**
 * Writes a TIFF stack frame by frame, for sinks that receive frames as they are acquired (ImageJ's encoder
 * needs the whole stack up front).
 *
 * <p>Layout: a little-endian baseline TIFF; pixel data of all frames contiguous from byte 8, then, at
 * {@link #finish()}, one IFD per frame (uncompressed, one strip) with the ImageJ description tag
 * ({@code images}, {@code frames}, {@code unit}, {@code finterval}) in the first one. Because the data is
 * contiguous, ImageJ opens it with its fast "images=N" path and tifffile as an ImageJ hyperstack.
 *
 * <p>The file is written as {@code <name>.partial} and renamed onto {@code <name>} by {@link #finish()};
 * {@link #abort()} (or {@link #close()} without finish) deletes it. Classic TIFF addresses 4 GiB at most: an
 * append that would pass it throws {@link IllegalStateException} (the run fails loudly rather than losing frames).
 * Not thread-safe: one producer thread appends.
 */
public final class TiffStreamWriter implements AutoCloseable {
    private static final long MAX_CLASSIC_TIFF = 0xFFFF_FFFFL;
    private static final int HEADER = 8;

    private final Path file;
    private final Path partial;
    private final int width;
    private final int height;
    private final PixelType type;
    private final StackMetadata metadata;
    private final FileChannel channel;
    private final ByteBuffer frameBuffer;
    private final long frameBytes;
    private long frames;
    private boolean done;

    private TiffStreamWriter(Path file, int width, int height, PixelType type, StackMetadata metadata) throws IOException {
        this.file = file;
        this.partial = TiffStacks.partialPath(file);
        this.width = width;
        this.height = height;
        this.type = type;
        this.metadata = metadata;
        this.frameBytes = (long) width * height * type.bytes();
        this.channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        this.frameBuffer = ByteBuffer.allocateDirect((int) frameBytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Starts {@code <file>.partial}; the directory must exist and be writable. */
    public static TiffStreamWriter create(Path file, int width, int height, PixelType type, StackMetadata metadata) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(metadata, "metadata");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        TiffStacks.requireWritableParent(file);
        try {
            return new TiffStreamWriter(file, width, height, type, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + TiffStacks.partialPath(file), e);
        }
    }

    public Path file() {
        return file;
    }

    public long framesWritten() {
        return frames;
    }

    /** Appends one frame; its type and length must match the writer's. */
    public void append(PixelData pixels) {
        checkOpen();
        int n = width * height;
        if (pixels.length() != n) {
            throw new IllegalArgumentException("frame has " + pixels.length() + " pixels, expected " + n);
        }
        ByteBuffer buf = frameBuffer.clear();
        if (pixels instanceof PixelData.U16 u && type == PixelType.U16) {
            buf.asShortBuffer().put(u.pixels(), 0, n);
        } else if (pixels instanceof PixelData.F32 f && type == PixelType.F32) {
            buf.asFloatBuffer().put(f.pixels(), 0, n);
        } else if (pixels instanceof PixelData.U8 b && type == PixelType.U8) {
            buf.put(b.pixels(), 0, n);
        } else {
            throw new IllegalArgumentException("frame type " + pixels.getClass().getSimpleName()
                    + " does not match writer type " + type);
        }
        buf.position(0).limit((int) frameBytes);
        appendBuffer(buf);
    }

    /** Appends one frame given as raw little-endian bytes of the writer's pixel type. */
    public void appendBytes(ByteBuffer littleEndianPixels) {
        checkOpen();
        if (littleEndianPixels.remaining() != frameBytes) {
            throw new IllegalArgumentException("frame has " + littleEndianPixels.remaining() + " bytes, expected "
                    + frameBytes);
        }
        appendBuffer(littleEndianPixels);
    }

    private void appendBuffer(ByteBuffer buf) {
        long end = HEADER + (frames + 1) * frameBytes;
        if (end + (frames + 1) * 200L + 4096 > MAX_CLASSIC_TIFF) {
            abort();
            throw new IllegalStateException("TIFF " + file + " would exceed the 4 GiB classic TIFF limit at frame "
                    + (frames + 1) + " (" + width + "x" + height + " " + type + ")");
        }
        long pos = HEADER + frames * frameBytes;
        try {
            while (buf.hasRemaining()) {
                pos += channel.write(buf, pos);
            }
        } catch (IOException e) {
            abort();
            throw new UncheckedIOException("cannot write frame " + frames + " to " + partial, e);
        }
        frames++;
    }

    /** Writes the directories and renames the file onto its final name. At least one frame must have been written. */
    public void finish() {
        checkOpen();
        if (frames == 0) {
            abort();
            throw new IllegalStateException("no frames were written to " + file + "; nothing saved");
        }
        try {
            writeDirectories();
            channel.force(false);
            channel.close();
        } catch (IOException e) {
            abort();
            throw new UncheckedIOException("cannot finish " + partial, e);
        }
        done = true;
        TiffStacks.commit(partial, file);
    }

    /** Deletes the partial file; idempotent. */
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // deleting the file is what matters
        }
        TiffStacks.deleteQuietly(partial);
    }

    /** Aborts unless {@link #finish()} succeeded. */
    @Override
    public void close() {
        abort();
    }

    private void checkOpen() {
        if (done) {
            throw new IllegalStateException("TIFF writer for " + file + " is already finished or aborted");
        }
    }

    private void writeDirectories() throws IOException {
        long dataEnd = HEADER + frames * frameBytes;
        byte[] desc = (ImageJDescription.build((int) frames, metadata.pixelSizeNm(), metadata.frameIntervalMs(),
                Double.NaN, Double.NaN) + '\0').getBytes(StandardCharsets.US_ASCII);
        boolean calibrated = metadata.pixelSizeNm().isPresent();
        long descOffset = align(dataEnd);
        long resOffset = align(descOffset + desc.length);
        long ifdStart = align(resOffset + 8);
        int entries = calibrated ? 15 : 12;
        int ifdSize = 2 + entries * 12 + 4;
        int ifdSizeRest = ifdSize - 12; // later IFDs carry no description
        long total = ifdStart + ifdSize + (frames - 1) * ifdSizeRest;
        if (total > MAX_CLASSIC_TIFF) {
            throw new IllegalStateException("TIFF " + file + " exceeds the 4 GiB classic TIFF limit");
        }
        ByteBuffer out = ByteBuffer.allocate((int) (total - dataEnd)).order(ByteOrder.LITTLE_ENDIAN);
        out.position((int) (descOffset - dataEnd));
        out.put(desc);
        out.position((int) (resOffset - dataEnd));
        long[] rational = rational(calibrated ? 1e3 / metadata.pixelSizeNm().getAsDouble() : 1);
        out.putInt((int) rational[0]).putInt((int) rational[1]);
        long ifd = ifdStart;
        int bits = type.bytes() * 8;
        int sampleFormat = type == PixelType.F32 ? 3 : 1;
        for (long i = 0; i < frames; i++) {
            boolean first = i == 0;
            int n = first ? entries : entries - 1;
            long next = i + 1 < frames ? ifd + (first ? ifdSize : ifdSizeRest) : 0;
            out.position((int) (ifd - dataEnd));
            out.putShort((short) n);
            entry(out, 254, 4, 1, 0);
            entry(out, 256, 4, 1, width);
            entry(out, 257, 4, 1, height);
            entry(out, 258, 3, 1, bits);
            entry(out, 259, 3, 1, 1);
            entry(out, 262, 3, 1, 1);
            if (first) {
                entry(out, 270, 2, desc.length, descOffset);
            }
            entry(out, 273, 4, 1, HEADER + i * frameBytes);
            entry(out, 277, 3, 1, 1);
            entry(out, 278, 4, 1, height);
            entry(out, 279, 4, 1, frameBytes);
            if (calibrated) {
                entry(out, 282, 5, 1, resOffset);
                entry(out, 283, 5, 1, resOffset);
                entry(out, 296, 3, 1, 1);
            }
            entry(out, 339, 3, 1, sampleFormat);
            out.putInt((int) next);
            ifd = next;
        }
        out.position(0);
        long pos = dataEnd;
        while (out.hasRemaining()) {
            pos += channel.write(out, pos);
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        header.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt((int) ifdStart).flip();
        pos = 0;
        while (header.hasRemaining()) {
            pos += channel.write(header, pos);
        }
    }

    private static void entry(ByteBuffer out, int tag, int fieldType, long count, long value) {
        out.putShort((short) tag).putShort((short) fieldType).putInt((int) count);
        if (fieldType == 3 && count == 1) {
            out.putShort((short) value).putShort((short) 0);
        } else {
            out.putInt((int) value);
        }
    }

    private static long align(long offset) {
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
}
