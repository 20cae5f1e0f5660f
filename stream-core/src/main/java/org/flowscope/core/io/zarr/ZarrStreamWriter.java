package org.flowscope.core.io.zarr;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.PixelConversion;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.source.PixelData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an OME-Zarr image (OME-NGFF 0.4: Zarr v2, uncompressed, axes t/y/x) frame by frame while an acquisition
 * runs, such that the store on disk is readable, and describes only what it holds, at every moment.
 *
 * <p>Layout of {@code <name>.partial/} while it is written: {@code .zgroup}; {@code .zattrs} with the
 * {@code multiscales} metadata (pixel size in µm, frame interval in s, see {@link NgffImage}) and a
 * {@code flowscope} section with {@code "status": "writing"}; the array {@code 0/} whose chunks hold
 * {@code framesPerChunk} whole frames each ({@code 0/<c>/0/0}). A frame is written straight into its chunk file at its
 * offset, so a process killed at any point loses no frame it had appended. Every second a background thread forces
 * the completed chunks to disk and then rewrites {@code 0/.zarray} (atomically) with a shape that counts exactly the
 * frames of those chunks: a reader of the partial store, or of one left by a power loss, sees only complete, durable
 * frames. {@link #finish()} pads the last chunk, writes the final shape and {@code "status": "complete"}, and renames
 * the folder onto {@code <name>}; {@link ZarrStreamRecovery} does the same for the store of a killed run (status
 * {@code "recovered"}), counting every frame completely written.
 *
 * <p>{@link #abort()} (or {@link #close()} without finish) deletes the partial store. Not thread-safe: one producer
 * thread appends.
 *
 * <p>Why not a Java Zarr library: the ones published on Maven Central ({@code dev.zarr:zarr-java} 0.0.9,
 * {@code dev.zarr:jzarr} 0.4.2) depend on {@code edu.ucar:cdm-core}, which only Unidata's own repository serves, and
 * {@code n5-zarr} is not published there; an uncompressed Zarr v2 array is two small JSON files and raw chunks, and
 * the crash guarantees above need control over when a chunk counts, which no library offers.
 */
public final class ZarrStreamWriter implements AutoCloseable {
    /** {@code flowscope.status} while the stream is written (also what a killed run leaves). */
    public static final String WRITING = "writing";
    public static final String COMPLETE = "complete";
    public static final String RECOVERED = "recovered";
    /** Suffix of a store being written. */
    public static final String PARTIAL_SUFFIX = ".partial";
    private static final long SYNC_INTERVAL_MS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(ZarrStreamWriter.class);

    private final Path store;
    private final Path partial;
    private final Path array;
    private final ZarrArrayMetadata meta;
    private final StackMetadata metadata;
    private final ZarrWriteOptions options;
    private final int framesPerChunk;
    private final long frameBytes;
    private final int pixels;
    private final ByteBuffer frameBuffer;
    /** Completed chunk files not yet forced to disk; filled by the producer, drained by the syncer. */
    private final ConcurrentLinkedQueue<Path> unsynced = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService syncer;
    private FileChannel chunk;
    private Path chunkPath;
    /** Frames appended; written by the producer only, after the chunk it completes was queued. */
    private volatile long frames;
    /** Frames the .zarray describes; syncer and finish only (finish after the syncer stopped). */
    private long described;
    private boolean done;

    private ZarrStreamWriter(Path store, ZarrArrayMetadata meta, StackMetadata metadata, ZarrWriteOptions options,
                             long syncIntervalMs) throws IOException {
        this.store = store;
        this.partial = partialPath(store);
        this.array = partial.resolve(NgffImage.DATASET);
        this.meta = meta;
        this.metadata = metadata;
        this.options = options;
        this.framesPerChunk = meta.chunk(0);
        this.pixels = meta.chunk(1) * meta.chunk(2);
        this.frameBytes = (long) pixels * meta.pixelType().bytes();
        ZarrFiles.deleteRecursively(partial);
        Files.createDirectories(array);
        ZarrFiles.writeJson(partial.resolve(NgffImage.GROUP), JsonNodeFactory.instance.objectNode().put("zarr_format", 2),
                false);
        ZarrFiles.writeJson(partial.resolve(NgffImage.ATTRS), attributes(WRITING, -1), false);
        ZarrFiles.writeJson(array.resolve(ZarrArrayMetadata.FILE), meta.toJson(), true);
        this.frameBuffer = ByteBuffer.allocateDirect((int) frameBytes);
        // forcing to disk on its own thread: a flush of a second's chunks must not stall the producer
        this.syncer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flowscope-zarr-sync-" + store.getFileName());
            t.setDaemon(true);
            return t;
        });
        syncer.scheduleWithFixedDelay(this::sync, syncIntervalMs, syncIntervalMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts {@code <store>.partial/} for frames of {@code width x height} pixels of {@code type}; the parent folder
     * must exist and be writable. {@code store} is the final folder, e.g. {@code out/raw.ome.zarr}.
     */
    public static ZarrStreamWriter create(Path store, int width, int height, PixelType type, StackMetadata metadata,
                                          ZarrWriteOptions options) {
        return create(store, width, height, type, metadata, options, SYNC_INTERVAL_MS);
    }

    /** As {@link #create(Path, int, int, PixelType, StackMetadata, ZarrWriteOptions)}, syncing every {@code syncIntervalMs}. */
    static ZarrStreamWriter create(Path store, int width, int height, PixelType type, StackMetadata metadata,
                                   ZarrWriteOptions options, long syncIntervalMs) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(options, "options");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        long bytes = (long) width * height * type.bytes();
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("frame of " + width + "x" + height + " " + type + " exceeds 2 GiB");
        }
        Path parent = store.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new IllegalArgumentException("output directory does not exist or is not writable: " + parent);
        }
        int perChunk = options.framesPerChunk(bytes);
        if ((long) perChunk * bytes > Integer.MAX_VALUE) {
            perChunk = (int) Math.max(1, Integer.MAX_VALUE / bytes);
        }
        ZarrArrayMetadata meta = ZarrArrayMetadata.uncompressed(new long[] {0, height, width},
                new int[] {perChunk, height, width}, type);
        try {
            return new ZarrStreamWriter(store, meta, metadata.withPixelType(type), options, syncIntervalMs);
        } catch (IOException e) {
            deleteQuietly(partialPath(store));
            throw new UncheckedIOException("cannot create " + partialPath(store), e);
        }
    }

    /**
     * Writes a whole float32 stack as an OME-Zarr image (the offline commands' output): frames are appended to
     * {@code <store>.partial/} and the folder is renamed when complete, so a failure leaves nothing that looks done.
     */
    public static void write(Path store, ImageStack stack, StackMetadata metadata, ZarrWriteOptions options) {
        try (ZarrStreamWriter w = create(store, stack.width(), stack.height(), PixelType.F32, metadata, options)) {
            int n = stack.frameSize();
            for (int f = 0; f < stack.frames(); f++) {
                float[] px = new float[n];
                System.arraycopy(stack.data(), stack.offset(f), px, 0, n);
                w.append(new PixelData.F32(px));
            }
            w.finish();
        }
    }

    /** {@code <store>.partial}. */
    public static Path partialPath(Path store) {
        return store.resolveSibling(store.getFileName() + PARTIAL_SUFFIX);
    }

    public Path store() {
        return store;
    }

    public long framesWritten() {
        return frames;
    }

    public int framesPerChunk() {
        return framesPerChunk;
    }

    /** Appends one frame; its type and length must match the writer's. */
    public void append(PixelData px) {
        checkOpen();
        ByteBuffer buf = PixelConversion.putLittleEndian(px, meta.pixelType(), pixels, frameBuffer);
        long f = frames;
        long c = f / framesPerChunk;
        int inChunk = (int) (f % framesPerChunk);
        try {
            if (chunk == null) {
                chunkPath = array.resolve(meta.chunkKey(c, 0, 0));
                Files.createDirectories(chunkPath.getParent());
                // a new file in a fresh folder: no truncation, which ext4 would answer with an early flush on close
                chunk = FileChannel.open(chunkPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
            long pos = inChunk * frameBytes;
            while (buf.hasRemaining()) {
                pos += chunk.write(buf, pos);
            }
            if (inChunk == framesPerChunk - 1) {
                closeChunk(); // queued before the count moves, so the syncer never describes an unforced chunk
            }
            frames = f + 1;
        } catch (IOException e) {
            abort();
            throw new UncheckedIOException("cannot write frame " + f + " to " + chunkPath, e);
        }
    }

    private void closeChunk() throws IOException {
        chunk.close();
        chunk = null;
        unsynced.add(chunkPath);
    }

    /** Forces the completed chunks to disk, then makes the .zarray describe their frames (every second). */
    void sync() {
        long complete = frames / framesPerChunk * framesPerChunk;
        try {
            forceQueued();
            ZarrFiles.forceDirectory(array);
            if (complete != described) {
                ZarrFiles.writeJson(array.resolve(ZarrArrayMetadata.FILE), meta.withLength(complete).toJson(), true);
                described = complete;
            }
        } catch (IOException | RuntimeException e) {
            // the producer's next write fails loudly if the store is really broken; a missed sync only loses currency
            LOG.warn("cannot update {}: {}", partial, e.toString());
        }
    }

    private void forceQueued() throws IOException {
        for (Path p = unsynced.poll(); p != null; p = unsynced.poll()) {
            // the chunk's data; its new name is committed with it on journalling file systems (ext4, xfs), so the
            // folders are not forced one by one: a power loss that still lost one is repaired by the recovery, which
            // counts the chunks on disk and never trusts the shape
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
                ch.force(false);
            }
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
     * Pads the last chunk, writes the final metadata (status "complete") and renames the folder onto its final
     * name, replacing an earlier store of that name. At least one frame must have been written.
     */
    public void finish() {
        checkOpen();
        if (frames == 0) {
            abort();
            throw new IllegalStateException("no frames were written to " + store + "; nothing saved");
        }
        stopSyncer();
        try {
            if (chunk != null) {
                // zarr v2 stores edge chunks whole: the frames past the end are fill (a sparse zero tail)
                chunk.write(ByteBuffer.allocate(1), (long) framesPerChunk * frameBytes - 1);
                closeChunk();
            }
            forceQueued();
            ZarrFiles.writeJson(array.resolve(ZarrArrayMetadata.FILE), meta.withLength(frames).toJson(), true);
            ZarrFiles.writeJson(partial.resolve(NgffImage.ATTRS), attributes(COMPLETE, frames), true);
            done = true;
            commit(partial, store);
        } catch (IOException | RuntimeException e) {
            done = false;
            abort();
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new UncheckedIOException("cannot finish " + store, (IOException) e);
        }
    }

    /** Deletes the partial store; idempotent. */
    public void abort() {
        if (done) {
            return;
        }
        done = true;
        stopSyncer();
        if (chunk != null) {
            try {
                chunk.close();
            } catch (IOException ignored) {
                // deleting the store is what matters
            }
            chunk = null;
        }
        deleteQuietly(partial);
    }

    /**
     * Leaves the partial store as a killed process would (the syncer stopped, the chunk being written closed, nothing
     * deleted or finished); for tests of recovery in one JVM.
     */
    void stopAsIfKilled() {
        done = true;
        syncer.shutdownNow();
        if (chunk != null) {
            try {
                chunk.close();
            } catch (IOException ignored) {
                // a killed process closes nothing either
            }
        }
    }

    /** Aborts unless {@link #finish()} succeeded. */
    @Override
    public void close() {
        abort();
    }

    private ObjectNode attributes(String status, long frameCount) {
        return NgffImage.attributes(options.imageName(), metadata,
                flowscopeSection(status, frameCount, options.channelName(), options.framesPerRecord()));
    }

    /** The {@code flowscope} section of the attributes: what wrote the store, how far it got. */
    static ObjectNode flowscopeSection(String status, long frameCount, String channel, int framesPerRecord) {
        ObjectNode f = JsonNodeFactory.instance.objectNode();
        f.put("status", status);
        if (frameCount >= 0) {
            f.put("frames", frameCount);
        }
        f.put("channel", channel);
        f.put("framesPerRecord", framesPerRecord);
        return f;
    }

    /** Moves a finished store onto its final name, replacing an earlier store there. */
    static void commit(Path partial, Path store) throws IOException {
        if (Files.exists(store)) {
            ZarrFiles.deleteRecursively(store);
        }
        ZarrFiles.move(partial, store);
        ZarrFiles.forceDirectory(store.toAbsolutePath().getParent());
    }

    static void deleteQuietly(Path dir) {
        try {
            ZarrFiles.deleteRecursively(dir);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", dir, e.toString());
        }
    }

    private void checkOpen() {
        if (done) {
            throw new IllegalStateException("OME-Zarr writer for " + store + " is already finished or aborted");
        }
    }
}
