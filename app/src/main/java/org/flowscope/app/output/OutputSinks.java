package org.flowscope.app.output;

import java.nio.file.Path;
import org.flowscope.core.io.OutputFormat;
import org.flowscope.core.io.TiffWriteOptions;
import org.flowscope.core.io.zarr.ZarrWriteOptions;
import org.flowscope.core.sink.FileResultSink;
import org.flowscope.core.sink.FrameSink;
import org.flowscope.core.sink.TiffFrameSink;
import org.flowscope.core.sink.TiffResultSink;
import org.flowscope.core.sink.ZarrFrameSink;
import org.flowscope.core.sink.ZarrResultSink;
import org.flowscope.core.source.SourceFormat;

/**
 * The file sinks of a live run in the chosen {@link OutputFormat}: {@code result} and {@code raw} as ImageJ TIFF,
 * OME-TIFF ({@code .ome.tif}) or OME-Zarr ({@code .ome.zarr} folders, written while the run goes on).
 */
public final class OutputSinks {
    private OutputSinks() {
    }

    /**
     * The result sink writing {@code file} (named by {@link OutputFormat#fileName}); {@code windowStepMs} is the
     * results' frame interval (non-positive: unknown), {@code channel} names what they hold (the operator).
     */
    public static FileResultSink result(Path file, OutputFormat format, SourceFormat input, double windowStepMs,
                                        String channel) {
        if (format == OutputFormat.OME_ZARR) {
            return new ZarrResultSink(file, input, windowStepMs, ZarrWriteOptions.named("result", channel));
        }
        return new TiffResultSink(file, input, windowStepMs, TiffWriteOptions.of(format).withNames("result", channel));
    }

    /** The raw sink writing every frame of {@code input} to {@code file}. */
    public static FrameSink raw(Path file, OutputFormat format, SourceFormat input) {
        if (format == OutputFormat.OME_ZARR) {
            return new ZarrFrameSink(file, input, ZarrWriteOptions.named("raw", "raw"));
        }
        return new TiffFrameSink(file, input, TiffWriteOptions.of(format).withNames("raw", "raw"));
    }
}
