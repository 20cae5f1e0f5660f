package org.flowscope.core.sink;

import java.nio.file.Path;
import org.flowscope.core.frame.Frame;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStreamWriter;
import org.flowscope.core.io.TiffWriteOptions;
import org.flowscope.core.source.SourceFormat;

/**
 * The raw sink: every frame, in its original pixel type, into a TIFF stack with the source's pixel size and frame
 * interval, written to {@code <file>.partial} (recoverable after a crash, see {@link TiffStreamWriter}) and renamed by
 * {@link #finish()}.
 */
public final class TiffFrameSink implements FrameSink {
    private final TiffStreamWriter writer;

    /** ImageJ TIFF, channel "raw". */
    public TiffFrameSink(Path file, SourceFormat format) {
        this(file, format, TiffWriteOptions.defaults().withNames("raw", "raw"));
    }

    public TiffFrameSink(Path file, SourceFormat format, TiffWriteOptions options) {
        double intervalMs = format.framesPerSecond().isPresent() && format.framesPerSecond().getAsDouble() > 0
                ? 1e3 / format.framesPerSecond().getAsDouble() : 0;
        StackMetadata md = StackMetadata.of(format.pixelType(), format.pixelSizeNm().orElse(0), intervalMs);
        this.writer = TiffStreamWriter.create(file, format.width(), format.height(), format.pixelType(), md,
                options.withFramesPerRecord(1));
    }

    @Override
    public void write(Frame frame) {
        writer.append(frame.pixels());
    }

    public long framesWritten() {
        return writer.framesWritten();
    }

    @Override
    public void finish() {
        writer.finish();
    }

    @Override
    public void abort() {
        writer.abort();
    }
}
