package org.flowscope.core.sink;

import java.nio.file.Path;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.io.TiffStreamWriter;
import org.flowscope.core.io.TiffWriteOptions;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.source.SourceFormat;

/**
 * Appends every frame of every result to a float32 TIFF stack ({@code result.tif}). The file is created at the first
 * result (its size is known then) as {@code <file>.partial}, recoverable window by window after a crash (see
 * {@link TiffStreamWriter}), and renamed by {@link #finish()}; all results must have the same size.
 *
 * <p>Calibration: the result's pixel size is the input's times input width / result width (an eSRRF result of
 * magnification M has 1/M of the input's pixel size, whatever the operator declares); its frame interval is the time
 * between windows (the window step's duration).
 */
public final class TiffResultSink extends StreamedResultSink {
    private final Path file;
    private final ResultCalibration calibration;
    private final TiffWriteOptions options;
    private TiffStreamWriter writer;

    /**
     * An ImageJ TIFF with the given calibration: {@code pixelSizeNm} is the result's pixel size, {@code intervalMs}
     * the time between results; non-positive means unknown.
     */
    public TiffResultSink(Path file, double pixelSizeNm, double intervalMs) {
        this(file, pixelSizeNm, 0, intervalMs, TiffWriteOptions.defaults().withNames("result", "result"));
    }

    /**
     * Calibrated from the input: the result's pixel size is derived from {@code input}'s and the size ratio at the
     * first result; {@code windowStepMs} is the window step's duration (non-positive: unknown).
     */
    public TiffResultSink(Path file, SourceFormat input, double windowStepMs, TiffWriteOptions options) {
        this(file, input.pixelSizeNm().orElse(0), input.width(), windowStepMs, options);
    }

    private TiffResultSink(Path file, double pixelSizeNm, int inputWidth, double intervalMs, TiffWriteOptions options) {
        this.file = file;
        this.calibration = new ResultCalibration(pixelSizeNm, inputWidth, intervalMs);
        this.options = options;
    }

    @Override
    protected void open(int width, int height, int framesPerResult) {
        writer = TiffStreamWriter.create(file, width, height, PixelType.F32, calibration.metadataFor(width),
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
        return file;
    }
}
