package org.flowscope.engine.history;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JSON file that several processes update safely: every update reads the current content under an exclusive
 * lock on a sibling {@code .lock} file, merges, writes a temporary file and moves it over the original atomically.
 * Readers therefore see either the old or the new content, never a torn file. A file that does not parse is copied
 * to {@code <name>.corrupt-<millis>}, a warning is logged, and the update starts from empty content.
 *
 * @param <T> the document type (a Jackson-mappable record)
 */
public final class AtomicJsonFile<T> {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicJsonFile.class);
    private static final long LOCK_TIMEOUT_NANOS = 30_000_000_000L;
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path file;
    private final Path lockFile;
    private final Class<T> type;
    private final Supplier<T> empty;

    public AtomicJsonFile(Path file, Class<T> type, Supplier<T> empty) {
        this.file = file;
        this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
        this.type = type;
        this.empty = empty;
    }

    public Path path() {
        return file;
    }

    /** Reads the current content under the lock (empty content when absent or corrupt). */
    public T read() throws IOException {
        return update(null);
    }

    /**
     * Applies {@code merge} to the current content and writes the result, all under the lock. With a null
     * {@code merge} nothing is written. Returns the content now on disk.
     */
    public T update(UnaryOperator<T> merge) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = lock(channel)) {
            T current = load();
            if (merge == null) {
                return current;
            }
            T next = merge.apply(current);
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".tmp");
            try {
                JSON.writeValue(tmp.toFile(), next);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return next;
        }
    }

    private T load() throws IOException {
        if (!Files.exists(file)) {
            return empty.get();
        }
        try {
            T value = JSON.readValue(file.toFile(), type);
            return value == null ? empty.get() : value;
        } catch (IOException | RuntimeException e) {
            Path backup = file.resolveSibling(file.getFileName() + ".corrupt-" + System.currentTimeMillis());
            // moved, not copied: the next reader must not find it again (we hold the lock)
            Files.move(file, backup, StandardCopyOption.REPLACE_EXISTING);
            LOG.warn("{} is unreadable ({}); kept it as {} and started afresh", file, e.getMessage(), backup);
            return empty.get();
        }
    }

    /**
     * Waits for the exclusive lock. {@link FileChannel#tryLock()} in a loop, because a blocking lock throws
     * {@link OverlappingFileLockException} when another store of the same JVM holds it.
     */
    private FileLock lock(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + LOCK_TIMEOUT_NANOS;
        while (true) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException sameJvm) {
                // another store instance in this JVM holds it: wait like for another process
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("could not lock " + lockFile + " within 30 s");
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + lockFile, e);
            }
        }
    }
}
