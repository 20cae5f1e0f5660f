package org.flowscope.core.io;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.flowscope.core.frame.PixelType;

/**
 * The first 4 KiB of a stream being written ({@code <name>.partial}): a magic line, then the stream's description
 * as {@code key=value} lines (size, pixel type, calibration, format, names, frames per record, final file name), and
 * in the last 8 bytes the number of frames last forced to disk. Pixels start at byte {@value #DATA_START}.
 * {@link #finishInPlace} turns the file into a TIFF: directories after the pixels, TIFF header over the magic line.
 */
record StreamHeader(int width, int height, PixelType pixelType, StackMetadata metadata, TiffWriteOptions options,
                    String finalName) {
    static final int DATA_START = 4096;
    static final String MAGIC = "flowscope-tiff-stream 1\n";
    private static final int DURABLE_AT = DATA_START - 8;

    long frameBytes() {
        return (long) width * height * pixelType.bytes();
    }

    void write(FileChannel ch) throws IOException {
        Properties p = new Properties();
        p.setProperty("width", Integer.toString(width));
        p.setProperty("height", Integer.toString(height));
        p.setProperty("pixelType", pixelType.name());
        metadata.pixelSizeNm().ifPresent(v -> p.setProperty("pixelSizeNm", Double.toString(v)));
        metadata.frameIntervalMs().ifPresent(v -> p.setProperty("frameIntervalMs", Double.toString(v)));
        if (metadata.slices() > 1) {
            p.setProperty("slices", Integer.toString(metadata.slices()));
        }
        metadata.zStepNm().ifPresent(v -> p.setProperty("zStepNm", Double.toString(v)));
        p.setProperty("format", options.format().name());
        p.setProperty("bigTiff", options.bigTiff().name());
        p.setProperty("imageName", options.imageName());
        p.setProperty("channelName", options.channelName());
        p.setProperty("framesPerRecord", Integer.toString(options.framesPerRecord()));
        p.setProperty("file", finalName);
        StringWriter text = new StringWriter();
        p.store(text, null);
        byte[] bytes = (MAGIC + text).getBytes(StandardCharsets.UTF_8);
        if (bytes.length > DURABLE_AT) {
            throw new IllegalArgumentException("stream description of " + bytes.length + " bytes exceeds " + DURABLE_AT
                    + " (names too long?)");
        }
        ByteBuffer b = ByteBuffer.allocate(DATA_START);
        b.put(bytes).position(0).limit(DATA_START);
        long pos = 0;
        while (b.hasRemaining()) {
            pos += ch.write(b, pos);
        }
    }

    /** Reads the header of a partial stream; throws {@link IllegalArgumentException} when it is not one. */
    static StreamHeader read(FileChannel ch, Path file) throws IOException {
        if (ch.size() < DATA_START) {
            throw new IllegalArgumentException("not a recoverable flowscope stream (only " + ch.size()
                    + " bytes, shorter than its 4 KiB header): " + file);
        }
        ByteBuffer b = ByteBuffer.allocate(DATA_START);
        while (b.hasRemaining()) {
            if (ch.read(b, b.position()) < 0) {
                break;
            }
        }
        byte[] all = b.array();
        String magic = new String(all, 0, MAGIC.length(), StandardCharsets.UTF_8);
        if (!magic.equals(MAGIC)) {
            throw new IllegalArgumentException("not a recoverable flowscope stream (no '" + MAGIC.trim()
                    + "' header): " + file);
        }
        int end = MAGIC.length();
        while (end < DURABLE_AT && all[end] != 0) {
            end++;
        }
        Properties p = new Properties();
        p.load(new StringReader(new String(all, MAGIC.length(), end - MAGIC.length(), StandardCharsets.UTF_8)));
        try {
            PixelType type = PixelType.valueOf(p.getProperty("pixelType"));
            StackMetadata md = StackMetadata.of(type, Double.parseDouble(p.getProperty("pixelSizeNm", "0")),
                    Double.parseDouble(p.getProperty("frameIntervalMs", "0")))
                    .withSlices(Integer.parseInt(p.getProperty("slices", "1")))
                    .withZStepNm(Double.parseDouble(p.getProperty("zStepNm", "0")));
            TiffWriteOptions o = new TiffWriteOptions(OutputFormat.valueOf(p.getProperty("format")),
                    TiffWriteOptions.BigTiff.valueOf(p.getProperty("bigTiff")), p.getProperty("imageName"),
                    p.getProperty("channelName"), Integer.parseInt(p.getProperty("framesPerRecord")));
            return new StreamHeader(Integer.parseInt(p.getProperty("width")), Integer.parseInt(p.getProperty("height")),
                    type, md, o, p.getProperty("file"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("damaged flowscope stream header (" + e.getMessage() + "): " + file, e);
        }
    }

    static void writeDurableFrames(FileChannel ch, long frames) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, frames);
        long pos = DURABLE_AT;
        while (b.hasRemaining()) {
            pos += ch.write(b, pos);
        }
    }

    static long readDurableFrames(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        ch.read(b, DURABLE_AT);
        return b.getLong(0);
    }

    /** The description for {@code frames} frames: ImageJ's key=value lines or OME-XML. */
    String description(long frames, double displayMin, double displayMax) {
        if (options.format() == OutputFormat.OME_TIFF) {
            return OmeXml.build(width, height, frames, pixelType, metadata, options.imageName(), options.channelName(),
                    "flowscope");
        }
        if (frames > Integer.MAX_VALUE) {
            throw new IllegalStateException("ImageJ TIFF holds at most " + Integer.MAX_VALUE + " images, got " + frames);
        }
        return ImageJDescription.build((int) frames, metadata, displayMin, displayMax);
    }

    /**
     * Makes the file a TIFF of its first {@code frames} frames: directories after them (classic TIFF if it fits,
     * else BigTIFF), the TIFF header over the magic line, the rest of the header zeroed, forced to disk. Returns
     * whether it is a BigTIFF.
     */
    boolean finishInPlace(FileChannel ch, long frames, double displayMin, double displayMax) throws IOException {
        TiffDirectories dirs = new TiffDirectories(width, height, pixelType, description(frames, displayMin, displayMax),
                metadata.pixelSizeNm());
        boolean big = options.bigTiff() == TiffWriteOptions.BigTiff.ALWAYS || dirs.needsBigTiff(DATA_START, frames);
        dirs.write(ch, DATA_START, frames, big);
        // only now that the file is a TIFF may the stream description go: until here a crash leaves it recoverable
        ByteBuffer zeros = ByteBuffer.allocate(DATA_START - 16);
        long pos = 16;
        while (zeros.hasRemaining()) {
            pos += ch.write(zeros, pos);
        }
        ch.force(true);
        return big;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%dx%d %s %s", width, height, pixelType, options.format().id());
    }
}
