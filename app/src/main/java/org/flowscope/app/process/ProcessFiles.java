package org.flowscope.app.process;

import java.nio.file.Path;

/** Checks shared by the {@code process} commands. */
public final class ProcessFiles {
    private ProcessFiles() {
    }

    /** Rejects writing the output over the input. */
    public static void requireDistinct(Path input, Path output) {
        if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--output must differ from --input, both are " + input);
        }
    }
}
