package org.flowscope.core.io;

import ij.io.FileInfo;
import ij.io.ImageReader;
import ij.io.TiffDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.source.PixelData;

/**
 * Random access to the frames of a TIFF stack without loading it whole: ImageJ hyperstacks (one time series:
 * a single channel, and either slices or frames &gt; 1 but not both) and plain multi-page TIFFs, 8/16-bit unsigned or
 * 32-bit float, uncompressed or compressed (LZW, PackBits, Deflate). The IFDs are parsed by ImageJ's
 * {@link TiffDecoder}; every page is checked against the file length up front, so a truncated file is rejected
 * when opened, not half-way through a run.
 *
 * <p>All problems with the file's content are {@link IllegalArgumentException}s that name the file, the rule and
 * the offending value. Not thread-safe: use one reader per thread.
 */
public final class TiffStackReader implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final List<Page> pages;
    private final int width;
    private final int height;
    private final PixelType pixelType;
    private final StackMetadata metadata;
    private final boolean littleEndian;
    private ByteBuffer scratch;

    private record Page(FileInfo info, long offset) {
    }

    private TiffStackReader(Path file, FileChannel channel, List<Page> pages, int width, int height,
                            PixelType type, StackMetadata metadata, boolean littleEndian) {
        this.file = file;
        this.channel = channel;
        this.pages = pages;
        this.width = width;
        this.height = height;
        this.pixelType = type;
        this.metadata = metadata;
        this.littleEndian = littleEndian;
    }

    /** Opens and validates {@code file}; throws {@link IllegalArgumentException} when it is not a usable stack. */
    public static TiffStackReader open(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("input file not found: " + file);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("input is not a readable file: " + file);
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + file, e);
        }
        if (size < 8) {
            throw new IllegalArgumentException("not a TIFF file (only " + size + " bytes): " + file);
        }
        FileInfo[] infos = decode(file);
        List<Page> pages = new ArrayList<>();
        FileInfo first = infos[0];
        PixelType type = pixelType(first, file);
        for (int i = 0; i < infos.length; i++) {
            FileInfo fi = infos[i];
            if (fi.width != first.width || fi.height != first.height) {
                throw new IllegalArgumentException("TIFF pages differ in size: page 1 is " + first.width + "x"
                        + first.height + ", page " + (i + 1) + " is " + fi.width + "x" + fi.height + " in " + file);
            }
            PixelType t = pixelType(fi, file);
            if (t != type) {
                throw new IllegalArgumentException("TIFF pages differ in pixel type: page 1 is " + type
                        + ", page " + (i + 1) + " is " + t + " in " + file);
            }
            long bytes = (long) fi.width * fi.height * type.bytes();
            int n = Math.max(1, fi.nImages);
            for (int k = 0; k < n; k++) {
                long offset = fi.getOffset() + k * (bytes + fi.getGap());
                long end = fi.compression > FileInfo.COMPRESSION_NONE ? compressedEnd(fi) : offset + bytes;
                if (end > size) {
                    throw new IllegalArgumentException("truncated TIFF: page " + (pages.size() + 1) + " needs "
                            + end + " bytes but the file has " + size + ": " + file);
                }
                pages.add(new Page(fi, offset));
            }
        }
        if (first.width < 2 || first.height < 2) {
            throw new IllegalArgumentException("1-D image (" + first.width + "x" + first.height
                    + "): flowscope needs 2-D frames of at least 2x2 pixels in " + file);
        }
        Map<String, String> desc = ImageJDescription.parse(first.description);
        int announced = ImageJDescription.intValue(desc, "images", pages.size());
        if (announced > pages.size()) {
            throw new IllegalArgumentException("truncated TIFF: its ImageJ description announces " + announced
                    + " images but only " + pages.size() + " are in the file: " + file);
        }
        int channels = ImageJDescription.intValue(desc, "channels", 1);
        int slices = ImageJDescription.intValue(desc, "slices", 1);
        int frames = ImageJDescription.intValue(desc, "frames", 1);
        if (channels > 1) {
            throw new IllegalArgumentException("multi-channel stack (channels=" + channels
                    + "): flowscope reads one channel as (frames, rows, cols); split channels first: " + file);
        }
        if (slices > 1 && frames > 1) {
            throw new IllegalArgumentException("4-D stack (slices=" + slices + ", frames=" + frames
                    + "): flowscope reads 3-D (frames, rows, cols) stacks: " + file);
        }
        StackMetadata md = new StackMetadata(pixelSizeNm(first, desc), frameIntervalMs(desc), type);
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
            return new TiffStackReader(file, ch, pages, first.width, first.height, type, md, first.intelByteOrder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    private static FileInfo[] decode(Path file) {
        FileInfo[] infos;
        try {
            Path abs = file.toAbsolutePath();
            String dir = abs.getParent() == null ? "" : abs.getParent().toString() + java.io.File.separator;
            infos = new TiffDecoder(dir, abs.getFileName().toString()).getTiffInfo();
        } catch (IOException | RuntimeException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.startsWith("Unsupported")) {
                throw new IllegalArgumentException("unsupported TIFF (" + msg
                        + "): flowscope reads uint8, uint16 and float32 TIFFs: " + file, e);
            }
            throw new IllegalArgumentException("corrupt or unreadable TIFF (" + msg + "): " + file, e);
        }
        if (infos == null || infos.length == 0) {
            throw new IllegalArgumentException("TIFF holds no readable images (0 frames: no image directory, or it lies past the end of a truncated file): " + file);
        }
        for (FileInfo fi : infos) {
            if (fi.width <= 0 || fi.height <= 0) {
                throw new IllegalArgumentException("corrupt TIFF: image size " + fi.width + "x" + fi.height + " in " + file);
            }
        }
        return infos;
    }

    private static long compressedEnd(FileInfo fi) {
        if (fi.stripOffsets == null || fi.stripLengths == null) {
            return fi.getOffset();
        }
        long end = 0;
        for (int i = 0; i < fi.stripOffsets.length && i < fi.stripLengths.length; i++) {
            end = Math.max(end, (fi.stripOffsets[i] & 0xFFFFFFFFL) + (fi.stripLengths[i] & 0xFFFFFFFFL));
        }
        return end;
    }

    private static PixelType pixelType(FileInfo fi, Path file) {
        switch (fi.fileType) {
            case FileInfo.GRAY8:
            case FileInfo.COLOR8:
                return PixelType.U8;
            case FileInfo.GRAY16_UNSIGNED:
                return PixelType.U16;
            case FileInfo.GRAY32_FLOAT:
                return PixelType.F32;
            default:
                throw new IllegalArgumentException("unsupported pixel type " + typeName(fi.fileType)
                        + ": flowscope reads uint8, uint16 and float32 TIFFs: " + file);
        }
    }

    private static String typeName(int fileType) {
        return switch (fileType) {
            case FileInfo.GRAY16_SIGNED -> "int16";
            case FileInfo.GRAY32_INT -> "int32";
            case FileInfo.GRAY32_UNSIGNED -> "uint32";
            case FileInfo.GRAY64_FLOAT -> "float64";
            case FileInfo.GRAY12_UNSIGNED -> "uint12";
            case FileInfo.GRAY10_UNSIGNED -> "uint10";
            case FileInfo.GRAY24_UNSIGNED -> "uint24";
            case FileInfo.BITMAP -> "1-bit";
            case FileInfo.RGB, FileInfo.RGB_PLANAR, FileInfo.ARGB, FileInfo.BGR, FileInfo.BARG, FileInfo.ABGR -> "RGB";
            case FileInfo.RGB48, FileInfo.RGB48_PLANAR -> "RGB48";
            case FileInfo.CMYK -> "CMYK";
            default -> "code " + fileType;
        };
    }

    private static OptionalDouble pixelSizeNm(FileInfo fi, Map<String, String> desc) {
        String unit = desc.getOrDefault("unit", fi.unit);
        double factor = ImageJDescription.nmPerUnit(unit);
        if (factor <= 0 || !(fi.pixelWidth > 0) || !Double.isFinite(fi.pixelWidth)) {
            return OptionalDouble.empty();
        }
        double nm = fi.pixelWidth * factor;
        if (nm < 0.1 || nm > 1e6) {
            // outside 0.1 nm .. 1 mm the resolution tags are not a microscope calibration (seen in converted OME files)
            return OptionalDouble.empty();
        }
        // TIFF stores 1/pixel size as a rational: round away its ~1e-8 relative error, to 0.001 nm.
        return OptionalDouble.of(Math.round(nm * 1e3) / 1e3);
    }

    private static OptionalDouble frameIntervalMs(Map<String, String> desc) {
        double v = ImageJDescription.doubleValue(desc, "finterval", 0);
        if (!(v > 0) || !Double.isFinite(v)) {
            return OptionalDouble.empty();
        }
        double msPerUnit = ImageJDescription.msPerTimeUnit(desc.getOrDefault("tunit", "sec"));
        return msPerUnit > 0 ? OptionalDouble.of(v * msPerUnit) : OptionalDouble.empty();
    }

    public Path file() {
        return file;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int frameCount() {
        return pages.size();
    }

    public PixelType pixelType() {
        return pixelType;
    }

    public StackMetadata metadata() {
        return metadata;
    }

    /** Frame {@code index} (0-based) in the file's own pixel type, a fresh array. */
    public PixelData readFrame(int index) {
        if (index < 0 || index >= pages.size()) {
            throw new IllegalArgumentException("frame index " + index + " outside [0, " + pages.size() + ")");
        }
        Page page = pages.get(index);
        try {
            if (page.info().compression > FileInfo.COMPRESSION_NONE) {
                return readCompressed(page);
            }
            return readRaw(page.offset());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read frame " + index + " of " + file, e);
        }
    }

    /** Frame {@code index} converted to float (unsigned values are not rescaled) into {@code dst[dstOffset..]}. */
    public void readFrame(int index, float[] dst, int dstOffset) {
        PixelData px = readFrame(index);
        PixelConversion.toFloat(px, dst, dstOffset, width * height);
    }

    private PixelData readRaw(long offset) throws IOException {
        int n = width * height;
        int bytes = n * pixelType.bytes();
        if (scratch == null || scratch.capacity() < bytes) {
            scratch = ByteBuffer.allocateDirect(bytes);
        }
        ByteBuffer buf = scratch;
        buf.clear().limit(bytes);
        long pos = offset;
        while (buf.hasRemaining()) {
            int r = channel.read(buf, pos);
            if (r < 0) {
                throw new IOException("unexpected end of file at byte " + pos);
            }
            pos += r;
        }
        buf.flip();
        buf.order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        return switch (pixelType) {
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

    private PixelData readCompressed(Page page) throws IOException {
        // ImageReader skips to the strips itself, counting from the start of the stream it is given.
        try (InputStream in = Files.newInputStream(file)) {
            Object pixels = new ImageReader(page.info()).readPixels(in);
            int n = width * height;
            if (pixels instanceof byte[] b && b.length == n) {
                return new PixelData.U8(b);
            } else if (pixels instanceof short[] s && s.length == n) {
                return new PixelData.U16(s);
            } else if (pixels instanceof float[] f && f.length == n) {
                return new PixelData.F32(f);
            }
            throw new IllegalArgumentException("corrupt compressed TIFF page at offset " + page.offset() + " in " + file);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
