package org.flowscope.app.live;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalDouble;
import org.flowscope.core.source.SourceFormat;

/**
 * What an extension needs to build its stages for one live run.
 *
 * @param format     what the source delivers (size, pixel type, rate, pixel size)
 * @param window     frames per window
 * @param step       frames between window starts
 * @param outDir     the run's output directory (extensions may write extra files there)
 */
public record LiveSetup(SourceFormat format, int window, int step, Path outDir) {
    public LiveSetup {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(outDir, "outDir");
    }

    /** Input pixel size in nm, when the source knows it. */
    public OptionalDouble pixelSizeNm() {
        return format.pixelSizeNm();
    }
}
