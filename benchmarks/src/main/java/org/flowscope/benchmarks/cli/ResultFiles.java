package org.flowscope.benchmarks.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.flowscope.app.CliOutput;

/** Writes result files under a temporary name and renames them, so that a file that exists is complete. */
public final class ResultFiles {
    private ResultFiles() {
    }

    public static void writeJson(Path file, Object value) {
        writeText(file, CliOutput.toJson(value) + "\n");
    }

    public static void writeText(Path file, String text) {
        Path abs = file.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".part");
        try {
            Files.createDirectories(abs.getParent());
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
