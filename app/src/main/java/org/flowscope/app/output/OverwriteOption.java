package org.flowscope.app.output;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --overwrite}: whether a command may replace files that already exist (a picocli mixin). */
public final class OverwriteOption {
    @Option(names = "--overwrite", description = "Replace output files that already exist (default: refuse).")
    boolean overwrite;

    public boolean overwrite() {
        return overwrite;
    }

    /**
     * Throws {@link IllegalArgumentException} (exit code 3) naming the first of {@code outputs} that already exists,
     * unless {@code --overwrite} was given; null entries (outputs not requested) are skipped.
     */
    public void check(Path... outputs) {
        if (overwrite) {
            return;
        }
        for (Path p : outputs) {
            if (p != null && Files.exists(p)) {
                throw new IllegalArgumentException("output file " + p + " already exists; add --overwrite to replace"
                        + " it, or choose another name");
            }
        }
    }
}
