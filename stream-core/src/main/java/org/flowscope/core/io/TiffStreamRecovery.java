package org.flowscope.core.io;

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
 * Turns the {@code <name>.partial} left by a {@link TiffStreamWriter} whose process died (SIGKILL, crash, power loss)
 * into {@code <name>}: a valid TIFF of every frame completely written, and for a stream of records (a window's
 * result frames) of every complete record. A trailing partial frame or record is cut off; nothing is guessed.
 */
public final class TiffStreamRecovery {
    /**
     * What a recovery produced.
     *
     * @param file            the recovered TIFF
     * @param frames          frames it holds
     * @param framesPerRecord frames per record (a window's result); {@code frames / framesPerRecord} records
     * @param durableFrames   frames the writer had last forced to disk (a power loss cannot have lost these)
     * @param bytesDiscarded  bytes after the last complete record (an incomplete frame or record), cut off
     * @param bigTiff         whether it was written as BigTIFF
     * @param alreadyTiff     whether the writer had finished the TIFF and only the rename was missing
     */
    public record Recovered(Path file, long frames, int framesPerRecord, long durableFrames, long bytesDiscarded,
                            boolean bigTiff, boolean alreadyTiff) {
        public long records() {
            return frames / framesPerRecord;
        }
    }

    private TiffStreamRecovery() {
    }

    /** The {@code *.partial} files in {@code dir} that are flowscope streams (or finished TIFFs awaiting rename). */
    public static List<Path> partialStreams(Path dir) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                if (p.getFileName().toString().endsWith(TiffStacks.PARTIAL_SUFFIX) && Files.isRegularFile(p)
                        && isStream(p)) {
                    found.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return found;
    }

    private static boolean isStream(Path p) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(StreamHeader.MAGIC.length());
            ch.read(b, 0);
            String start = new String(b.array(), java.nio.charset.StandardCharsets.ISO_8859_1);
            return start.equals(StreamHeader.MAGIC) || start.startsWith("II*\0") || start.startsWith("II+\0");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Recovers {@code partial} onto its final name (the name without {@code .partial}). Throws
     * {@link IllegalArgumentException} when it is not a flowscope stream, holds no complete frame, or the final name
     * already exists.
     */
    public static Recovered recover(Path partial) {
        String name = partial.getFileName().toString();
        if (!name.endsWith(TiffStacks.PARTIAL_SUFFIX)) {
            throw new IllegalArgumentException("not a partial file (its name does not end in "
                    + TiffStacks.PARTIAL_SUFFIX + "): " + partial);
        }
        Path target = partial.resolveSibling(name.substring(0, name.length() - TiffStacks.PARTIAL_SUFFIX.length()));
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " already exists; recovering " + partial.getFileName()
                    + " would replace it (move one of them away first)");
        }
        try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer start = ByteBuffer.allocate(2);
            ch.read(start, 0);
            if (start.get(0) == 'I' && start.get(1) == 'I') {
                return finishedButNotRenamed(partial, target, ch);
            }
            StreamHeader h = StreamHeader.read(ch, partial);
            long size = ch.size();
            long complete = (size - StreamHeader.DATA_START) / h.frameBytes();
            int perRecord = h.options().framesPerRecord();
            long frames = complete / perRecord * perRecord;
            if (frames == 0) {
                throw new IllegalArgumentException("nothing to recover: " + partial + " holds " + complete
                        + " complete frame(s) of " + h.width() + "x" + h.height() + " " + h.pixelType()
                        + (perRecord > 1 ? " and records of " + perRecord + " frames" : ""));
            }
            long durable = Math.min(frames, Math.max(0, StreamHeader.readDurableFrames(ch)));
            long dataEnd = StreamHeader.DATA_START + frames * h.frameBytes();
            long discarded = size - dataEnd;
            ch.truncate(dataEnd);
            boolean big = h.finishInPlace(ch, frames, Double.NaN, Double.NaN);
            ch.close();
            TiffStacks.commit(partial, target);
            return new Recovered(target, frames, perRecord, durable, discarded, big, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover " + partial, e);
        }
    }

    private static Recovered finishedButNotRenamed(Path partial, Path target, FileChannel ch) throws IOException {
        ch.close();
        long frames;
        boolean big;
        try (TiffStackReader r = TiffStackReader.open(partial)) {
            frames = r.frameCount();
            big = r.bigTiff();
        }
        TiffStacks.commit(partial, target);
        return new Recovered(target, frames, 1, frames, 0, big, true);
    }
}
