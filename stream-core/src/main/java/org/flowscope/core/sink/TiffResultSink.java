package org.flowscope.core.sink;

import java.nio.file.Path;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStreamWriter;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.core.source.PixelData;

/**
 * Appends every frame of every result to a float32 TIFF stack ({@code result.tif}). The file is created at the first
 * result (its size is known then) as {@code <file>.partial} and renamed by {@link #finish()}; all results must have
 * the same width and height. {@code pixelSizeNm} is the result's pixel size (input pixel size / magnification),
 * {@code intervalMs} the time between results; non-positive means unknown.
 */
public final class TiffResultSink implements ResultSink {
    private final Path file;
    private final double pixelSizeNm;
    private final double intervalMs;
    private TiffStreamWriter writer;
    private int width;
    private int height;

    public TiffResultSink(Path file, double pixelSizeNm, double intervalMs) {
        this.file = file;
        this.pixelSizeNm = pixelSizeNm;
        this.intervalMs = intervalMs;
    }

    @Override
    public void write(ImageStack result, WindowContext context) {
        if (writer == null) {
            width = result.width();
            height = result.height();
            writer = TiffStreamWriter.create(file, width, height, PixelType.F32,
                    StackMetadata.of(PixelType.F32, pixelSizeNm, intervalMs));
        } else if (result.width() != width || result.height() != height) {
            throw new IllegalArgumentException("result of window " + context.index() + " is " + result.width() + "x"
                    + result.height() + ", earlier results were " + width + "x" + height);
        }
        for (int f = 0; f < result.frames(); f++) {
            float[] px = new float[result.frameSize()];
            System.arraycopy(result.data(), result.offset(f), px, 0, px.length);
            writer.append(new PixelData.F32(px));
        }
    }

    /** Frames written so far. */
    public long framesWritten() {
        return writer == null ? 0 : writer.framesWritten();
    }

    /** Commits result.tif; fails when no result was produced (nothing complete-looking is left). */
    @Override
    public void finish() {
        if (writer == null) {
            throw new IllegalStateException("no window was analysed, so " + file + " was not written");
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
