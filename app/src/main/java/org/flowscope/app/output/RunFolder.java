package org.flowscope.app.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.core.io.zarr.ZarrStreamRecovery;

/**
 * The output folder of one live run (or one {@code recover}), held for the run's duration:
 * <ul>
 *   <li>a lock on {@value #LOCK} (an OS file lock, released by the kernel when the process dies, so a killed run never
 *       blocks the folder; the file holds the holder's pid while held): a second run into the same folder at the
 *       same time is refused, never interleaved;</li>
 *   <li>the overwrite rule: a folder holding an earlier run's outputs, or a killed run's {@code *.partial} files, is
 *       refused without {@code --overwrite} (with it, those files are deleted first);</li>
 *   <li>{@code run.json.partial}: written when the run starts (status "running"), replaced by {@code run.json} when it
 *       ends; after a crash it tells {@code flowscope recover} what the run was.</li>
 * </ul>
 */
public final class RunFolder implements AutoCloseable {
    /** The lock file's name. */
    public static final String LOCK = ".flowscope.lock";
    /** Names of complete outputs of a run. */
    public static final List<String> OUTPUTS = List.of("result.tif", "result.ome.tif", "raw.tif", "raw.ome.tif", "run.json", "report.html",
            "raw_corrected.tif");
    /** Folders (OME-Zarr stores) a run writes; their partial forms are {@code *.zarr.partial} folders. */
    public static final List<String> STORES = List.of("result.ome.zarr", "raw.ome.zarr");

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private RunFolder(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates (if needed) and locks {@code dir} for a new run; refuses a folder in use, or holding earlier outputs or
     * partial files unless {@code overwrite}, with an {@link IllegalArgumentException} naming the folder and the file.
     */
    public static RunFolder forNewRun(Path dir, boolean overwrite) {
        RunFolder f = lock(dir, true);
        try {
            List<Path> earlier = earlierFiles(dir);
            if (!earlier.isEmpty() && !overwrite) {
                Path first = earlier.get(0);
                String name = first.getFileName().toString();
                if (name.endsWith(TiffStacks.PARTIAL_SUFFIX)) {
                    throw new IllegalArgumentException("output directory " + dir + " holds " + name + ", left by a run"
                            + " that did not finish (killed or crashed); run 'flowscope recover " + dir + "' to save"
                            + " what it wrote, choose another --out, or add --overwrite to discard it");
                }
                throw new IllegalArgumentException("output directory " + dir + " already holds " + name
                        + " from an earlier run; choose another --out or add --overwrite");
            }
            for (Path p : earlier) {
                deleteOutput(p);
            }
            return f;
        } catch (IOException e) {
            f.close();
            throw new UncheckedIOException("cannot remove an earlier run's file in " + dir, e);
        } catch (RuntimeException e) {
            f.close();
            throw e;
        }
    }

    /** Locks an existing {@code dir} (for {@code recover}); refuses a folder a running flowscope holds. */
    public static RunFolder forRecovery(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        return lock(dir, false);
    }

    private static RunFolder lock(Path dir, boolean create) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out must be a directory, but " + dir + " is a file");
        }
        if (create) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot create output directory " + dir + ": " + e.getMessage(), e);
            }
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException("output directory is not writable: " + dir);
        }
        Path lockFile = dir.resolve(LOCK);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null; // held by this JVM
            }
            if (l == null) {
                String holder = new String(Files.readAllBytes(lockFile), StandardCharsets.UTF_8).trim();
                ch.close();
                throw new IllegalArgumentException("output directory " + dir + " is in use by another flowscope run"
                        + (holder.isEmpty() ? "" : " (" + holder + ")") + "; wait for it to end or choose another --out");
            }
            String me = "pid " + ProcessHandle.current().pid() + ", since " + Instant.now();
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
            return new RunFolder(dir, ch, l);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new UncheckedIOException("cannot lock " + lockFile, e);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // the lock failure is what the caller needs to see
            }
        }
    }

    /** Complete outputs and {@code *.partial} files of an earlier run, sorted, partial files first. */
    static List<Path> earlierFiles(Path dir) throws IOException {
        List<Path> partial = new ArrayList<>();
        List<Path> complete = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(TiffStacks.PARTIAL_SUFFIX) && Files.isRegularFile(p)
                        || ZarrStreamRecovery.isPartialStore(p)) {
                    partial.add(p);
                } else if (OUTPUTS.contains(n) || STORES.contains(n) && Files.isDirectory(p)) {
                    complete.add(p);
                }
            }
        }
        partial.addAll(complete);
        return partial;
    }

    /** Deletes an earlier output: a file, or an OME-Zarr folder with its content. */
    private static void deleteOutput(Path p) throws IOException {
        if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(p);
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    public Path dir() {
        return dir;
    }

    /** Writes {@code run.json.partial}: the run as it starts ("running"); replaced by run.json when it ends. */
    public void running(String runJson) {
        try {
            Files.writeString(TiffStacks.partialPath(dir.resolve("run.json")), runJson, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("run.json.partial"), e);
        }
    }

    /**
     * Empties the lock file and releases the lock. The (empty) file stays: deleting it would let a run that opened it
     * a moment earlier lock a file no longer in the folder while a third run locks a new one.
     */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lockChannel.truncate(0);
                lock.release();
            }
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release " + dir.resolve(LOCK), e);
        }
    }
}
