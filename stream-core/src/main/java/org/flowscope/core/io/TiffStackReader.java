package org.flowscope.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.source.PixelData;

/**
 * Random access to the frames of a TIFF stack without loading it whole: classic TIFF and BigTIFF, either byte order;
 * ImageJ hyperstacks (one time series: a single channel, and either slices or frames &gt; 1 but not both, including
 * ImageJ's files past 4 GiB that hold one directory for N contiguous images), OME-TIFFs (Micro-Manager's included:
 * one image, one channel, in one file) and plain multi-page TIFFs; {@link #openHyperstack} also reads single-channel
 * volumes and time series of volumes (slices and frames &gt; 1), the planes in XYCZT order; 8/16-bit unsigned or 32-bit float, in strips,
 * uncompressed or LZW/Deflate/PackBits. Pixel size and frame interval come from the OME-XML, the ImageJ description or
 * Micro-Manager's metadata ({@link TiffCalibration}).
 *
 * <p>The directories are parsed by {@link TiffParser}, which bounds every read, and every page is checked against the
 * file length up front, so a truncated, looping or otherwise corrupt file is rejected when opened, in time
 * proportional to its size, not half-way through a run and never by hanging.
 *
 * <p>All problems with the file's content are {@link IllegalArgumentException}s that name the file, the rule and the
 * offending value. Not thread-safe: use one reader per thread.
 */
public final class TiffStackReader implements FrameStackReader {
    private final Path file;
    private final FileChannel channel;
    private final List<TiffIfd> pages;
    /** For an ImageJ file with fewer directories than images: the first image's offset; else -1. */
    private final long contiguousStart;
    private final int frameCount;
    private final int width;
    private final int height;
    private final PixelType pixelType;
    private final StackMetadata metadata;
    private final boolean littleEndian;
    private final boolean bigTiff;
    private ByteBuffer scratch;

    private TiffStackReader(Path file, FileChannel channel, List<TiffIfd> pages, long contiguousStart, int frameCount,
                            PixelType type, StackMetadata metadata, boolean littleEndian, boolean bigTiff) {
        this.file = file;
        this.channel = channel;
        this.pages = pages;
        this.contiguousStart = contiguousStart;
        this.frameCount = frameCount;
        this.width = pages.get(0).width();
        this.height = pages.get(0).height();
        this.pixelType = type;
        this.metadata = metadata;
        this.littleEndian = littleEndian;
        this.bigTiff = bigTiff;
    }

    /** How the planes of a file are taken. */
    private enum Layout {
        /** Every plane a frame of one time series; 4-D files are refused. */
        FRAMES,
        /** The channels of one time point as frames. */
        CHANNELS,
        /** A volume or a time series of volumes: the metadata's slices per time point go to {@link StackMetadata}. */
        HYPERSTACK
    }

    /** Opens and validates {@code file}; throws {@link IllegalArgumentException} when it is not a usable stack. */
    public static TiffStackReader open(Path file) {
        return open(file, Layout.FRAMES);
    }

    /**
     * Opens a stack whose images are channels (one time point, one slice; e.g. a registration input) and reads the
     * channels as frames; a single-channel file is read as usual.
     */
    public static TiffStackReader openChannels(Path file) {
        return open(file, Layout.CHANNELS);
    }

    /**
     * Opens a single-channel volume or time series of volumes (an ImageJ hyperstack with {@code slices}, or an
     * OME-TIFF with {@code SizeZ}, whose planes step through z before t). The frames are the planes in file order,
     * plane {@code t Z + z}; {@link StackMetadata#slices()} is Z (1 for a file without a z axis, including a plain
     * multi-page TIFF) and {@link StackMetadata#zStepNm()} the z step when the file records it (ImageJ
     * {@code spacing}, OME {@code PhysicalSizeZ}). Metadata that does not add up (slices &times; frames &ne; planes),
     * several channels, or OME planes ordered t before z are refused by name.
     */
    public static TiffStackReader openHyperstack(Path file) {
        return open(file, Layout.HYPERSTACK);
    }

    private static TiffStackReader open(Path file, Layout channels) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("input file not found: " + file);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("input is not a readable file: " + file);
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
        try {
            return open(file, ch, channels);
        } catch (RuntimeException | Error e) {
            try {
                ch.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static TiffStackReader open(Path file, FileChannel ch, Layout layout) {
        long size;
        try {
            size = ch.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stat " + file, e);
        }
        if (size < 8) {
            throw new IllegalArgumentException("not a TIFF file (only " + size + " bytes): " + file);
        }
        TiffParser parser = new TiffParser(file, ch, size);
        List<TiffIfd> pages = parser.directories();
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("TIFF holds no readable images (0 frames: its first directory offset"
                    + " is 0): " + file);
        }
        TiffIfd first = pages.get(0);
        PixelType type = pixelType(first, file);
        for (int i = 0; i < pages.size(); i++) {
            TiffIfd p = pages.get(i);
            if (p.width() != first.width() || p.height() != first.height()) {
                throw new IllegalArgumentException("TIFF pages differ in size: page 1 is " + first.width() + "x"
                        + first.height() + ", page " + (i + 1) + " is " + p.width() + "x" + p.height() + " in " + file);
            }
            PixelType t = pixelType(p, file);
            if (t != type) {
                throw new IllegalArgumentException("TIFF pages differ in pixel type: page 1 is " + type
                        + ", page " + (i + 1) + " is " + t + " in " + file);
            }
            if (p.stripOffsets().length == 0 || p.stripOffsets().length != p.stripByteCounts().length) {
                throw new IllegalArgumentException("corrupt TIFF: page " + (i + 1) + " has " + p.stripOffsets().length
                        + " strip offsets and " + p.stripByteCounts().length + " strip byte counts: " + file);
            }
            TiffPixels.imageJCompression(p, file);
            long end = p.compressed() || p.stripOffsets().length > 1
                    ? p.dataEnd() : p.stripOffsets()[0] + (long) p.width() * p.height() * type.bytes();
            if (end > size) {
                throw new IllegalArgumentException("truncated TIFF: page " + (i + 1) + " needs " + end
                        + " bytes but the file has " + size + ": " + file);
            }
        }
        if (first.width() < 2 || first.height() < 2) {
            throw new IllegalArgumentException("1-D image (" + first.width() + "x" + first.height()
                    + "): flowscope needs 2-D frames of at least 2x2 pixels in " + file);
        }
        String description = first.description();
        Map<String, String> imagej = ImageJDescription.parse(description);
        OmeXml.Info ome = null;
        for (String d : first.descriptions()) {
            if (OmeXml.looksLikeOme(d)) {
                try {
                    ome = OmeXml.parse(d);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage() + ": " + file, e);
                }
                checkOme(ome, pages.size(), layout, file);
                break;
            }
        }
        checkImageJ(imagej, layout, file);
        long contiguousStart = -1;
        int frames = pages.size();
        int announced = ImageJDescription.intValue(imagej, "images", pages.size());
        if (announced > pages.size()) {
            long frameBytes = (long) first.width() * first.height() * type.bytes();
            long start = first.stripOffsets()[0];
            boolean single = pages.size() == 1 && !first.compressed() && first.contiguous();
            if (!single || start + announced * frameBytes > size) {
                throw new IllegalArgumentException("truncated TIFF: its ImageJ description announces " + announced
                        + " images but only " + (single ? (size - start) / frameBytes : pages.size())
                        + " are in the file: " + file);
            }
            // ImageJ writes one directory for stacks past 4 GiB: the images follow each other from the first on
            contiguousStart = start;
            frames = announced;
        }
        TiffIfd second = pages.size() > 1 ? pages.get(1) : null;
        StackMetadata md = new StackMetadata(TiffCalibration.pixelSizeNm(first, imagej, ome),
                TiffCalibration.frameIntervalMs(first, second, imagej, ome), type);
        if (layout == Layout.HYPERSTACK) {
            md = hyperstack(md, frames, imagej, ome, file);
        }
        return new TiffStackReader(file, ch, pages, contiguousStart, frames, type, md, parser.littleEndian(),
                parser.bigTiff());
    }

    /** The slices per time point and the z step of a hyperstack of {@code planes} planes. */
    private static StackMetadata hyperstack(StackMetadata md, int planes, Map<String, String> imagej, OmeXml.Info ome,
            Path file) {
        long z;
        long t;
        double zStep;
        String source;
        if (ome != null) {
            z = ome.sizeZ();
            t = ome.sizeT();
            zStep = ome.zStepNm().orElse(0);
            source = "its OME-XML (SizeZ=" + z + ", SizeT=" + t + ")";
            if (z > 1 && t > 1 && !ome.zBeforeT()) {
                throw new IllegalArgumentException("OME-TIFF planes are ordered t before z (DimensionOrder="
                        + ome.dimensionOrder() + "): flowscope reads volumes stored z fastest (XYCZT, XYZCT); re-save"
                        + " the stack in that order: " + file);
            }
        } else {
            z = ImageJDescription.intValue(imagej, "slices", 1);
            t = imagej.containsKey("frames") ? ImageJDescription.intValue(imagej, "frames", 1) : planes / Math.max(1, z);
            zStep = ImageJDescription.zStepNm(imagej);
            source = "its ImageJ description (slices=" + z + ", frames=" + t + ")";
        }
        if (z < 1 || t < 1 || z * t != planes) {
            throw new IllegalArgumentException("inconsistent hyperstack: " + source + " describes " + z + " x " + t
                    + " planes but the file holds " + planes + ": " + file);
        }
        return md.withSlices((int) z).withZStepNm(z > 1 ? zStep : 0);
    }

    private static void checkImageJ(Map<String, String> desc, Layout layout, Path file) {
        int channels = ImageJDescription.intValue(desc, "channels", 1);
        int slices = ImageJDescription.intValue(desc, "slices", 1);
        int frames = ImageJDescription.intValue(desc, "frames", 1);
        boolean channelsAsFrames = layout == Layout.CHANNELS;
        if (channelsAsFrames && channels > 1) {
            if (slices > 1 || frames > 1) {
                throw new IllegalArgumentException("a channel stack needs one image per channel, but " + file + " has "
                        + slices + " slices and " + frames + " time points");
            }
            return;
        }
        if (channels > 1) {
            throw new IllegalArgumentException("multi-channel stack (channels=" + channels
                    + "): flowscope reads one channel as (frames, rows, cols); split channels first: " + file);
        }
        if (slices > 1 && frames > 1 && layout != Layout.HYPERSTACK) {
            throw new IllegalArgumentException("4-D stack (slices=" + slices + ", frames=" + frames
                    + "): flowscope reads 3-D (frames, rows, cols) stacks here (process esrrf3d reads volumes): " + file);
        }
    }

    private static void checkOme(OmeXml.Info ome, int pagesInFile, Layout layout, Path file) {
        boolean channelsAsFrames = layout == Layout.CHANNELS;
        if (ome.images() > 1) {
            throw new IllegalArgumentException("OME-TIFF holds " + ome.images() + " images (e.g. stage positions):"
                    + " flowscope reads one image; export one position per file: " + file);
        }
        if (ome.sizeC() > 1 && channelsAsFrames && (ome.sizeZ() > 1 || ome.sizeT() > 1)) {
            throw new IllegalArgumentException("a channel stack needs one image per channel, but " + file + " has "
                    + ome.sizeZ() + " slices and " + ome.sizeT() + " time points");
        }
        if (ome.sizeC() > 1 && !channelsAsFrames) {
            throw new IllegalArgumentException("multi-channel OME-TIFF (SizeC=" + ome.sizeC()
                    + "): flowscope reads one channel as (frames, rows, cols); split channels first: " + file);
        }
        if (ome.sizeZ() > 1 && ome.sizeT() > 1 && layout != Layout.HYPERSTACK) {
            throw new IllegalArgumentException("4-D OME-TIFF (SizeZ=" + ome.sizeZ() + ", SizeT=" + ome.sizeT()
                    + "): flowscope reads 3-D (frames, rows, cols) stacks here (process esrrf3d reads volumes): " + file);
        }
        long planes = (long) ome.sizeC() * ome.sizeZ() * ome.sizeT();
        if (ome.otherFiles() || planes > pagesInFile) {
            throw new IllegalArgumentException("this OME-TIFF holds " + pagesInFile + " of the " + planes
                    + " planes its OME-XML describes (a dataset split over several files): flowscope reads"
                    + " single-file OME-TIFFs: " + file);
        }
    }

    private static PixelType pixelType(TiffIfd p, Path file) {
        if (p.tiled()) {
            throw new IllegalArgumentException("tiled TIFF (tiles of " + p.tileWidth() + "x" + p.tileHeight()
                    + " pixels): flowscope reads TIFFs stored in strips; re-save it without tiles (Fiji: File > Save"
                    + " As > Tiff; Python: tifffile.imwrite without tile=): " + file);
        }
        if (p.samplesPerPixel() != 1) {
            String what = p.samplesPerPixel() == 3 || p.samplesPerPixel() == 4 ? "RGB" : p.samplesPerPixel() + "-sample";
            throw new IllegalArgumentException("unsupported pixel type " + what + " (" + p.samplesPerPixel()
                    + " samples per pixel): flowscope reads single-channel uint8, uint16 and float32 TIFFs: " + file);
        }
        int bits = p.bitsPerSample();
        int fmt = p.sampleFormat();
        if (fmt == 1 && bits == 8) {
            return PixelType.U8;
        }
        if (fmt == 1 && bits == 16) {
            return PixelType.U16;
        }
        if (fmt == 3 && bits == 32) {
            return PixelType.F32;
        }
        String name = switch (fmt) {
            case 1 -> "uint" + bits;
            case 2 -> "int" + bits;
            case 3 -> "float" + bits;
            case 5, 6 -> "complex" + bits;
            default -> bits + "-bit (sample format " + fmt + ")";
        };
        if (bits == 1) {
            name = "1-bit";
        }
        throw new IllegalArgumentException("unsupported pixel type " + name + " (unsupported TIFF sample format):"
                + " flowscope reads uint8, uint16 and float32 TIFFs: " + file);
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
        return frameCount;
    }

    public PixelType pixelType() {
        return pixelType;
    }

    public StackMetadata metadata() {
        return metadata;
    }

    /** Whether the file is a BigTIFF (64-bit offsets). */
    public boolean bigTiff() {
        return bigTiff;
    }

    /** Frame {@code index} (0-based) in the file's own pixel type, a fresh array. */
    public PixelData readFrame(int index) {
        if (index < 0 || index >= frameCount) {
            throw new IllegalArgumentException("frame index " + index + " outside [0, " + frameCount + ")");
        }
        try {
            if (contiguousStart >= 0) {
                long frameBytes = (long) width * height * pixelType.bytes();
                return TiffPixels.readContiguous(channel, contiguousStart + index * frameBytes, width, height, pixelType,
                        littleEndian, scratch());
            }
            TiffIfd page = pages.get(index);
            if (!page.compressed() && page.contiguous()) {
                return TiffPixels.readContiguous(channel, page.stripOffsets()[0], width, height, pixelType,
                        littleEndian, scratch());
            }
            return TiffPixels.readStrips(channel, page, pixelType, littleEndian);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read frame " + index + " of " + file, e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalArgumentException("corrupt TIFF: frame " + index + " cannot be decoded ("
                    + e + "): " + file, e);
        }
    }

    private ByteBuffer scratch() {
        int bytes = width * height * pixelType.bytes();
        if (scratch == null || scratch.capacity() < bytes) {
            scratch = ByteBuffer.allocateDirect(bytes);
        }
        return scratch;
    }

    /** Frame {@code index} converted to float (unsigned values are not rescaled) into {@code dst[dstOffset..]}. */
    public void readFrame(int index, float[] dst, int dstOffset) {
        PixelData px = readFrame(index);
        PixelConversion.toFloat(px, dst, dstOffset, width * height);
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
