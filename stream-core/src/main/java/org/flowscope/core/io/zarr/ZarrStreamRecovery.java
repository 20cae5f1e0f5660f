package org.flowscope.core.io.zarr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns the partial OME-Zarr store of a killed run ({@code <name>.zarr.partial/}, see {@link ZarrStreamWriter}) into a
 * complete store of every frame completely written (for results: every whole record), with
 * {@code "status": "recovered"}, renamed onto {@code <name>.zarr}.
 */
public final class ZarrStreamRecovery {
    /**
     * What a recovery produced.
     *
     * @param store           the recovered store
     * @param frames          frames it holds
     * @param framesPerRecord frames per record (a window's result)
     * @param durableFrames   frames the writer's metadata described when it was killed (forced to disk by then)
     * @param bytesDiscarded  bytes of incomplete frames or records cut off
     * @param alreadyComplete whether the writer had finished the store and only the rename was missing
     */
    public record Recovered(Path store, long frames, int framesPerRecord, long durableFrames, long bytesDiscarded,
                            boolean alreadyComplete) {
        public long records() {
            return frames / framesPerRecord;
        }
    }

    private ZarrStreamRecovery() {
    }

    /** The folders {@code *.zarr.partial} in {@code dir} that flowscope was writing. */
    public static List<Path> partialStores(Path dir) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                if (isPartialStore(p)) {
                    found.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return found;
    }

    /** Whether {@code p} is a folder {@code *.zarr.partial} with flowscope's attributes. */
    public static boolean isPartialStore(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".zarr" + ZarrStreamWriter.PARTIAL_SUFFIX) && Files.isDirectory(p)
                && Files.isRegularFile(p.resolve(NgffImage.ATTRS));
    }

    /**
     * Recovers {@code partial} onto its final name. Throws {@link IllegalArgumentException} when it is not a flowscope
     * store, holds no complete frame (record), or the final name already exists.
     */
    public static Recovered recover(Path partial) {
        String name = partial.getFileName().toString();
        if (!isPartialStore(partial)) {
            throw new IllegalArgumentException("not a partial OME-Zarr store of flowscope (a folder *.zarr.partial"
                    + " with .zattrs): " + partial);
        }
        Path target = partial.resolveSibling(name.substring(0, name.length() - ZarrStreamWriter.PARTIAL_SUFFIX.length()));
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " already exists; recovering " + name
                    + " would replace it (move one of them away first)");
        }
        JsonNode attrs = ZarrFiles.readJson(partial.resolve(NgffImage.ATTRS));
        JsonNode fs = attrs.path("flowscope");
        if (!fs.isObject()) {
            throw new IllegalArgumentException("no 'flowscope' section in " + partial.resolve(NgffImage.ATTRS)
                    + ": not a store flowscope was writing");
        }
        Path array = partial.resolve(NgffImage.DATASET);
        Path zarray = array.resolve(ZarrArrayMetadata.FILE);
        ZarrArrayMetadata meta = ZarrArrayMetadata.parse(ZarrFiles.readJson(zarray), zarray);
        if (meta.rank() != 3 || meta.compressor() != null) {
            throw new IllegalArgumentException("unexpected array in " + partial + ": " + meta);
        }
        int perRecord = Math.max(1, fs.path("framesPerRecord").asInt(1));
        try {
            if (ZarrStreamWriter.COMPLETE.equals(fs.path("status").asText())) {
                ZarrStreamWriter.commit(partial, target);
                long n = meta.shape(0);
                return new Recovered(target, n, perRecord, n, 0, true);
            }
            return recoverChunks(partial, target, attrs, meta, perRecord);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover " + partial, e);
        }
    }

    private static Recovered recoverChunks(Path partial, Path target, JsonNode attrs, ZarrArrayMetadata meta,
                                           int perRecord) throws IOException {
        Path array = partial.resolve(NgffImage.DATASET);
        int perChunk = meta.chunk(0);
        long frameBytes = meta.chunkBytes() / perChunk;
        long written = 0;
        long bytes = 0;
        for (long c = 0; ; c++) {
            Path p = array.resolve(meta.chunkKey(c, 0, 0));
            if (!Files.isRegularFile(p)) {
                break;
            }
            long size = Files.size(p);
            bytes += size;
            written += Math.min(perChunk, size / frameBytes);
            if (size < meta.chunkBytes()) {
                break; // the chunk being written when the run was killed
            }
        }
        long frames = written / perRecord * perRecord;
        if (frames == 0) {
            throw new IllegalArgumentException("nothing to recover: " + partial + " holds " + written
                    + " complete frame(s) of " + meta.chunk(2) + "x" + meta.chunk(1) + " " + meta.pixelType()
                    + (perRecord > 1 ? " and records of " + perRecord + " frames" : ""));
        }
        long lastChunk = (frames - 1) / perChunk;
        int inLast = (int) (frames - lastChunk * perChunk);
        try (FileChannel ch = FileChannel.open(array.resolve(meta.chunkKey(lastChunk, 0, 0)), StandardOpenOption.WRITE)) {
            // what follows the last whole frame (record) is cut, then the chunk is padded whole with fill
            ch.truncate(inLast * frameBytes);
            if (inLast < perChunk) {
                ch.write(ByteBuffer.allocate(1), meta.chunkBytes() - 1);
            }
            ch.force(false);
        }
        for (long c = lastChunk + 1; ; c++) {
            Path dir = array.resolve(String.valueOf(c));
            if (!Files.exists(dir)) {
                break;
            }
            ZarrFiles.deleteRecursively(dir);
        }
        long durable = Math.min(frames, meta.shape(0));
        ZarrFiles.writeJson(array.resolve(ZarrArrayMetadata.FILE), meta.withLength(frames).toJson(), true);
        // the image's own metadata stays as the writer made it; only flowscope's section says what happened
        ObjectNode updated = ((ObjectNode) attrs).deepCopy();
        JsonNode fs = attrs.path("flowscope");
        updated.set("flowscope", ZarrStreamWriter.flowscopeSection(ZarrStreamWriter.RECOVERED, frames,
                fs.path("channel").asText(""), perRecord));
        ZarrFiles.writeJson(partial.resolve(NgffImage.ATTRS), updated, true);
        ZarrStreamWriter.commit(partial, target);
        return new Recovered(target, frames, perRecord, durable, bytes - frames * frameBytes, false);
    }
}
