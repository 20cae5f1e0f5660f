package org.flowscope.core.io.zarr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/** File-system steps shared by the Zarr writer, its recovery and its reader. */
final class ZarrFiles {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Largest metadata file read; a bigger one is not a {@code .zarray}/{@code .zattrs} flowscope can use. */
    private static final long MAX_JSON_BYTES = 1 << 20;

    private ZarrFiles() {
    }

    /**
     * Replaces {@code file} with {@code json} atomically (a temporary file renamed over it), so a reader, or a crash,
     * sees the old or the new document, never half of one; {@code force} also forces it to disk.
     */
    static void writeJson(Path file, JsonNode json, boolean force) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        byte[] bytes = JSON.writeValueAsBytes(json);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            if (force) {
                ch.force(true);
            }
        }
        move(tmp, file);
        if (force) {
            forceDirectory(file.getParent());
        }
    }

    static JsonNode readJson(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("missing " + file.getFileName() + " in " + file.getParent());
            }
            if (Files.size(file) > MAX_JSON_BYTES) {
                throw new IllegalArgumentException(file + " is " + Files.size(file) + " bytes, more than the "
                        + MAX_JSON_BYTES + " a Zarr metadata file may have here");
            }
            return JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("malformed JSON in " + file + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Renames atomically where the file system can. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Forces a directory's entries to disk (new files' names); best effort where the platform cannot. */
    static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some platforms cannot open or force a directory; the files themselves were forced
        }
    }

    /** Deletes a folder and everything in it; idempotent. */
    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
