package org.flowscope.core.sink;

import java.nio.file.Path;
import org.flowscope.core.frame.Frame;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.zarr.ZarrStreamWriter;
import org.flowscope.core.io.zarr.ZarrWriteOptions;
import org.flowscope.core.source.SourceFormat;

/**
 * The raw sink as OME-Zarr: every frame, in its original pixel type, into {@code <store>.partial/} while the
 * acquisition runs (chunked along t, readable and self-describing at every moment, see {@link ZarrStreamWriter}),
 * with the source's pixel size and frame interval, renamed onto {@code <store>} by {@link #finish()}.
 */
public final class ZarrFrameSink implements FrameSink {
    private final ZarrStreamWriter writer;

    public ZarrFrameSink(Path store, SourceFormat format, ZarrWriteOptions options) {
        double intervalMs = format.framesPerSecond().isPresent() && format.framesPerSecond().getAsDouble() > 0
                ? 1e3 / format.framesPerSecond().getAsDouble() : 0;
        StackMetadata md = StackMetadata.of(format.pixelType(), format.pixelSizeNm().orElse(0), intervalMs);
        this.writer = ZarrStreamWriter.create(store, format.width(), format.height(), format.pixelType(), md,
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
