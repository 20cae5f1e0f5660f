package org.flowscope.core.sink;

import java.nio.file.Path;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.io.zarr.ZarrStreamWriter;
import org.flowscope.core.io.zarr.ZarrWriteOptions;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.source.SourceFormat;

/**
 * Appends every frame of every result to a float32 OME-Zarr image ({@code result.ome.zarr}) while the run goes on. The
 * store is created at the first result (its size is known then) as {@code <store>.partial/}, recoverable window by
 * window after a crash (see {@link ZarrStreamWriter}), and renamed by {@link #finish()}; all results must have the
 * same size. Calibration as for {@link TiffResultSink}: pixel size from the input's and the size ratio, frame
 * interval = the window step's duration.
 */
public final class ZarrResultSink extends StreamedResultSink {
    private final Path store;
    private final ResultCalibration calibration;
    private final ZarrWriteOptions options;
    private ZarrStreamWriter writer;

    /** Calibrated from {@code input}; {@code windowStepMs} is the window step's duration (non-positive: unknown). */
    public ZarrResultSink(Path store, SourceFormat input, double windowStepMs, ZarrWriteOptions options) {
        this.store = store;
        this.calibration = ResultCalibration.of(input, windowStepMs);
        this.options = options;
    }

    @Override
    protected void open(int width, int height, int framesPerResult) {
        writer = ZarrStreamWriter.create(store, width, height, PixelType.F32, calibration.metadataFor(width),
                options.withFramesPerRecord(framesPerResult));
    }

    @Override
    protected void append(PixelData.F32 frame) {
        writer.append(frame);
    }

    @Override
    protected long appended() {
        return writer.framesWritten();
    }

    @Override
    protected void commit() {
        writer.finish();
    }

    @Override
    protected void discard() {
        writer.abort();
    }

    @Override
    public Path file() {
        return store;
    }
}
