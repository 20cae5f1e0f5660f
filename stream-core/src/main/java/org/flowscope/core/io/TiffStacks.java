package org.flowscope.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.source.PixelData;

/**
 * Reading and writing whole (frames, rows, cols) stacks as TIFF files with ImageJ or OME metadata (pixel size,
 * frame interval), readable by Fiji, Bio-Formats and Python's tifffile; BigTIFF past 4 GiB.
 *
 * <p>Writes are atomic: the file is written as {@code <name>.partial} next to the target and renamed onto
 * it only when complete; on any failure the partial file is deleted, so a failed run never leaves a
 * complete-looking file. Frame-by-frame writing for the raw sink is {@link TiffStreamWriter}.
 */
public final class TiffStacks {
    /** Suffix of files being written; never a finished result. */
    public static final String PARTIAL_SUFFIX = ".partial";

    private TiffStacks() {
    }

    /**
     * Reads a whole stack into float32 (u8/u16 values are not rescaled). Rejects missing, truncated, corrupt,
     * multi-channel and 4-D files, unsupported pixel types and non-finite (NaN, infinite) pixels with an
     * {@link IllegalArgumentException} naming the problem and the value.
     */
    public static TiffStack read(Path file) {
        try (TiffStackReader reader = TiffStackReader.open(file)) {
            return readAll(reader, file);
        }
    }

    /**
     * Reads a stack of channels (a multi-channel ImageJ hyperstack or OME-TIFF with one slice and one time point, or
     * plain pages) with the channels as frames, under the same checks as {@link #read}.
     */
    public static TiffStack readChannels(Path file) {
        try (TiffStackReader reader = TiffStackReader.openChannels(file)) {
            return readAll(reader, file);
        }
    }

    /**
     * Reads every frame of any recording (an OME-Zarr image, an NDTiff dataset, a TIFF) into float32, under the same
     * checks as {@link #read}; the reader stays open.
     */
    public static TiffStack readAll(FrameStackReader reader) {
        return readAll(reader, reader.file());
    }

    /**
     * Reads a volume or a time series of volumes (see {@link TiffStackReader#openHyperstack}): the planes as frames in
     * file order (plane {@code t Z + z}), with {@link StackMetadata#slices()} = Z and the z step when recorded; a
     * file without a z axis comes back with one slice per time point. Same checks as {@link #read} otherwise.
     */
    public static TiffStack readHyperstack(Path file) {
        try (TiffStackReader reader = TiffStackReader.openHyperstack(file)) {
            return readAll(reader, file);
        }
    }

    private static TiffStack readAll(FrameStackReader reader, Path file) {
        int n = reader.frameCount();
        long total = (long) n * reader.width() * reader.height();
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("stack too large to load whole (" + n + " frames of "
                    + reader.width() + "x" + reader.height() + "): " + file);
        }
        float[] data = new float[(int) total];
        int frameSize = reader.width() * reader.height();
        for (int f = 0; f < n; f++) {
            PixelConversion.toFloat(reader.readFrame(f), data, f * frameSize, frameSize);
        }
        if (reader.pixelType() == PixelType.F32) {
            requireFinite(data, frameSize, reader.width(), file.toString());
        }
        return new TiffStack(new ImageStack(n, reader.height(), reader.width(), data), reader.metadata());
    }

    /** Throws when any value is NaN or infinite, naming the first one's frame, row and column. */
    public static void requireFinite(float[] data, int frameSize, int width, String what) {
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                int f = i / frameSize;
                int r = i % frameSize;
                throw new IllegalArgumentException("non-finite pixel " + data[i] + " at frame " + f + ", row "
                        + (r / width) + ", column " + (r % width) + " in " + what);
            }
        }
    }

    /** Writes {@code stack} as float32, atomically. */
    public static void writeF32(Path file, ImageStack stack, StackMetadata metadata) {
        write(file, stack, metadata, PixelType.F32);
    }

    /**
     * Writes {@code stack} as u16, atomically. Values are rounded to the nearest integer; NaN or values outside
     * [0, 65535] are rejected (nothing is written).
     */
    public static void writeU16(Path file, ImageStack stack, StackMetadata metadata) {
        write(file, stack, metadata, PixelType.U16);
    }

    /** Writes {@code stack} in {@code type} (F32 or U16) as an ImageJ TIFF, atomically. */
    public static void write(Path file, ImageStack stack, StackMetadata metadata, PixelType type) {
        write(file, stack, metadata, type, TiffWriteOptions.defaults());
    }

    /**
     * Writes {@code stack} in {@code type} (F32 or U16), atomically, in the format of {@code options} (ImageJ TIFF or
     * OME-TIFF; BigTIFF past 4 GiB). Values are checked before anything is written: a u16 value out of range leaves
     * no file.
     */
    public static void write(Path file, ImageStack stack, StackMetadata metadata, PixelType type,
                             TiffWriteOptions options) {
        if (type == PixelType.U8) {
            throw new IllegalArgumentException("writing u8 stacks is not supported, use U16 or F32");
        }
        int n = stack.frameSize();
        short[][] u16 = null;
        if (type == PixelType.U16) {
            u16 = new short[stack.frames()][n];
            for (int f = 0; f < stack.frames(); f++) {
                int off = stack.offset(f);
                for (int i = 0; i < n; i++) {
                    u16[f][i] = PixelConversion.toU16(stack.data()[off + i], f, i);
                }
            }
        }
        try (TiffStreamWriter w = TiffStreamWriter.create(file, stack.width(), stack.height(), type,
                metadata.withPixelType(type), options)) {
            for (int f = 0; f < stack.frames(); f++) {
                if (u16 != null) {
                    w.append(new PixelData.U16(u16[f]));
                } else {
                    float[] px = new float[n];
                    System.arraycopy(stack.data(), stack.offset(f), px, 0, n);
                    w.append(new PixelData.F32(px));
                }
            }
            double[] range = range(stack);
            w.displayRange(range[0], range[1]);
            w.finish();
        }
    }

    private static double[] range(ImageStack stack) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : stack.data()) {
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        return new double[] {min, max};
    }

    /** Body of an atomic write: writes the whole file content to {@code out}. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Runs {@code body} against {@code <file>.partial} and renames it onto {@code file} when it returns; deletes
     * the partial file when it throws. The parent directory must exist and be writable.
     */
    public static void writeAtomically(Path file, Writer body) {
        Path partial = partialPath(file);
        requireWritableParent(file);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20)) {
            body.write(out);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(partial);
            throw e;
        }
        commit(partial, file);
    }

    /** {@code <file>.partial}. */
    public static Path partialPath(Path file) {
        return file.resolveSibling(file.getFileName().toString() + PARTIAL_SUFFIX);
    }

    /** Throws {@link IllegalArgumentException} when {@code file}'s directory is missing or not writable. */
    public static void requireWritableParent(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("output directory does not exist: " + dir);
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException("output directory is not writable: " + dir);
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("output path is a directory, expected a file: " + file);
        }
    }

    static void commit(Path partial, Path file) {
        try {
            try {
                Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("cannot rename " + partial + " to " + file, e);
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the original failure is what the caller needs to see
        }
    }
}
