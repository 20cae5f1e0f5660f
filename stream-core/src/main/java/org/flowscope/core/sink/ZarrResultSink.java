package org.flowscope.core.sink;

import java.nio.file.Path;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.zarr.ZarrStreamWriter;
import org.flowscope.core.io.zarr.ZarrWriteOptions;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.source.SourceFormat;

/**
 * Appends every frame of every result to a float32 OME-Zarr image ({@code result.ome.zarr}) while the run goes on. The
 * store is created at the first result (its size is known then) as {@code <store>.partial/}, recoverable window by
 * window after a crash (see {@link ZarrStreamWriter}), and renamed by {@link #finish()}; all results must have the
 * same size. Calibration as for {@link TiffResultSink}: pixel size from the input's and the size ratio, frame
 * interval = the window step's duration.
 */
public final class ZarrResultSink implements FileResultSink {
    private final Path store;
    private final ResultCalibration calibration;
    private final ZarrWriteOptions options;
    private ZarrStreamWriter writer;
    private int width;
    private int height;
    private int framesPerResult;

    /** Calibrated from {@code input}; {@code windowStepMs} is the window step's duration (non-positive: unknown). */
    public ZarrResultSink(Path store, SourceFormat input, double windowStepMs, ZarrWriteOptions options) {
        this.store = store;
        this.calibration = ResultCalibration.of(input, windowStepMs);
        this.options = options;
    }

    @Override
    public void write(ImageStack result, WindowContext context) {
        if (writer == null) {
            width = result.width();
            height = result.height();
            framesPerResult = result.frames();
            writer = ZarrStreamWriter.create(store, width, height, PixelType.F32, calibration.metadataFor(width),
                    options.withFramesPerRecord(framesPerResult));
        } else if (result.width() != width || result.height() != height) {
            throw new IllegalArgumentException("result of window " + context.index() + " is " + result.width() + "x"
                    + result.height() + ", earlier results were " + width + "x" + height);
        } else if (result.frames() != framesPerResult) {
            throw new IllegalArgumentException("result of window " + context.index() + " has " + result.frames()
                    + " frames, earlier results had " + framesPerResult);
        }
        for (int f = 0; f < result.frames(); f++) {
            float[] px = new float[result.frameSize()];
            System.arraycopy(result.data(), result.offset(f), px, 0, px.length);
            writer.append(new PixelData.F32(px));
        }
    }

    @Override
    public Path file() {
        return store;
    }

    @Override
    public long framesWritten() {
        return writer == null ? 0 : writer.framesWritten();
    }

    /** Commits the store; fails when no result was produced (nothing complete-looking is left). */
    @Override
    public void finish() {
        if (writer == null) {
            throw new IllegalStateException("no window was analysed, so " + store + " was not written");
        }
        writer.finish();
    }

    @Override
    public void abort() {
        if (writer != null) {
            writer.abort();
        }
    }
}
