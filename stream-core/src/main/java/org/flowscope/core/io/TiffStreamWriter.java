package org.flowscope.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.source.PixelData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a TIFF stack frame by frame, for sinks that receive frames as they are acquired, such that the file on disk
 * is recoverable at every moment.
 *
 * <p>Layout of {@code <name>.partial} while it is written: a 4 KiB {@link StreamHeader} (what the stream is: size,
 * pixel type, calibration, format; it does not start like a TIFF, so no reader mistakes it for one), then the frames'
 * pixels, contiguous, in the order appended. {@link #finish()} appends one directory per frame and the description
 * (ImageJ or OME-XML), overwrites the header with the TIFF header, and renames the file onto {@code <name>}; the
 * result is classic TIFF when it fits 4 GiB and BigTIFF otherwise (or always, if asked). Because nothing but pixels
 * is written during the run, a process killed at any point leaves a file from which {@link TiffStreamRecovery} builds
 * a valid stack of every frame completely written (of every whole record, for results).
 *
 * <p>Durability: every second a background thread forces the file to disk and records in the header how many frames
 * that covered, so a power loss costs at most the last second or so (not the page cache's 30 s); on a file system
 * that orders data before size updates (ext4's default) it leaves only complete frames up to the file's length.
 *
 * <p>{@link #abort()} (or {@link #close()} without finish) deletes the partial file: an aborted run is a failed run.
 * Not thread-safe: one producer thread appends.
 */
public final class TiffStreamWriter implements AutoCloseable {
    private static final long SYNC_INTERVAL_MS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(TiffStreamWriter.class);

    private final Path file;
    private final Path partial;
    private final StreamHeader header;
    private final FileChannel channel;
    private final ByteBuffer frameBuffer;
    private final long frameBytes;
    private final ScheduledExecutorService syncer;
    /** Frames appended; written by the producer thread only, read by the syncer. */
    private volatile long frames;
    private boolean done;
    private double displayMin = Double.NaN;
    private double displayMax = Double.NaN;

    private TiffStreamWriter(Path file, StreamHeader header) throws IOException {
        this.file = file;
        this.partial = TiffStacks.partialPath(file);
        this.header = header;
        this.frameBytes = header.frameBytes();
        this.channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ, StandardOpenOption.TRUNCATE_EXISTING);
        header.write(channel);
        // forcing to disk on its own thread: a flush of a second's frames must not stall the producer
        this.syncer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flowscope-sync-" + file.getFileName());
            t.setDaemon(true);
            return t;
        });
        syncer.scheduleWithFixedDelay(this::sync, SYNC_INTERVAL_MS, SYNC_INTERVAL_MS, TimeUnit.MILLISECONDS);
        this.frameBuffer = ByteBuffer.allocateDirect((int) Math.min(Integer.MAX_VALUE, frameBytes))
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Starts {@code <file>.partial} as an ImageJ TIFF; the directory must exist and be writable. */
    public static TiffStreamWriter create(Path file, int width, int height, PixelType type, StackMetadata metadata) {
        return create(file, width, height, type, metadata, TiffWriteOptions.defaults());
    }

    /** Starts {@code <file>.partial}; the directory must exist and be writable. */
    public static TiffStreamWriter create(Path file, int width, int height, PixelType type, StackMetadata metadata,
                                          TiffWriteOptions options) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(options, "options");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        if ((long) width * height * type.bytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("frame of " + width + "x" + height + " " + type + " exceeds 2 GiB");
        }
        TiffStacks.requireWritableParent(file);
        StreamHeader h = new StreamHeader(width, height, type, metadata.withPixelType(type), options,
                file.getFileName().toString());
        try {
            return new TiffStreamWriter(file, h);
        } catch (IOException e) {
            TiffStacks.deleteQuietly(TiffStacks.partialPath(file));
            throw new UncheckedIOException("cannot create " + TiffStacks.partialPath(file), e);
        }
    }

    public Path file() {
        return file;
    }

    public long framesWritten() {
        return frames;
    }

    /** Display range for the ImageJ description ({@code min}, {@code max}); ignored unless finite and max &gt; min. */
    public void displayRange(double min, double max) {
        this.displayMin = min;
        this.displayMax = max;
    }

    /** Appends one frame; its type and length must match the writer's. */
    public void append(PixelData pixels) {
        checkOpen();
        int n = header.width() * header.height();
        if (pixels.length() != n) {
            throw new IllegalArgumentException("frame has " + pixels.length() + " pixels, expected " + n);
        }
        ByteBuffer buf = frameBuffer.clear();
        PixelType type = header.pixelType();
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
        long pos = StreamHeader.DATA_START + frames * frameBytes;
        try {
            while (buf.hasRemaining()) {
                pos += channel.write(buf, pos);
            }
            frames++;
        } catch (IOException e) {
            abort();
            throw new UncheckedIOException("cannot write frame " + frames + " to " + partial, e);
        }
    }

    /** Forces the frames appended so far to disk, then records their number in the header. */
    private void sync() {
        long n = frames;
        try {
            channel.force(false);
            StreamHeader.writeDurableFrames(channel, n);
        } catch (IOException e) {
            // the producer's next write fails loudly if the file is really broken; a missed sync only loses durability
            LOG.warn("cannot force {} to disk: {}", partial, e.toString());
        }
    }

    private void stopSyncer() {
        syncer.shutdown(); // no interrupt: an interrupted force() would close the channel
        try {
            if (!syncer.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("forcing {} to disk takes more than 60 s", partial);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Writes the directories and renames the file onto its final name. At least one frame must have been written.
     * Returns whether the file was written as BigTIFF.
     */
    public boolean finish() {
        checkOpen();
        if (frames == 0) {
            abort();
            throw new IllegalStateException("no frames were written to " + file + "; nothing saved");
        }
        stopSyncer();
        boolean big;
        try {
            big = header.finishInPlace(channel, frames, displayMin, displayMax);
            channel.close();
        } catch (IOException | RuntimeException e) {
            abort();
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new UncheckedIOException("cannot finish " + partial, (IOException) e);
        }
        done = true;
        TiffStacks.commit(partial, file);
        return big;
    }

    /** Deletes the partial file; idempotent. */
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        stopSyncer();
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
}
