package org.flowscope.methods.spi;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.flowscope.core.source.SourceFormat;
import org.flowscope.engine.Engine;
import org.flowscope.engine.RunOptions;

/**
 * What a live stage needs to build itself for one run.
 *
 * @param format  what the source delivers (size, pixel type, rate, pixel size)
 * @param window  frames per window
 * @param step    frames between window starts
 * @param outDir  the run's output directory (stages may write extra files there)
 * @param engines the run's one engine, created on first use and shared by every stage so that {@code --explain} and
 *                the history see all decisions; owned and closed by the command, never by a stage
 * @param selection the engine selection of the command line ({@code --backend}, {@code --implementation},
 *                  {@code --device}), applied to every engine call a stage makes
 * @param streaming whether the analysis works frame by frame (stages see frames as they arrive) rather than on
 *                  whole windows
 */
public record LiveSetup(SourceFormat format, int window, int step, Path outDir, Supplier<Engine> engines,
        RunOptions selection, boolean streaming) {
    public LiveSetup {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(engines, "engines");
        Objects.requireNonNull(selection, "selection");
    }

    /** The run's shared engine (created on the first call). */
    public Engine engine() {
        return engines.get();
    }

    /** Input pixel size in nm, when the source knows it. */
    public OptionalDouble pixelSizeNm() {
        return format.pixelSizeNm();
    }
}
