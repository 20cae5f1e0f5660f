package org.flowscope.methods.drift;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStreamWriter;
import org.flowscope.core.pipeline.RunContributor;
import org.flowscope.core.pipeline.StreamStage;
import org.flowscope.core.pipeline.Streamable;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.core.pipeline.WindowOperator;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.source.SourceFormat;
import org.flowscope.core.window.StreamFrame;
import org.flowscope.core.window.StreamLayout;
import org.flowscope.core.window.WindowEnd;

/**
 * {@code live --drift --drift-save-corrected}: every analysed frame, resampled to undo its measured drift (the
 * standalone correction), into {@code raw_corrected.tif} (float32, {@code .partial} until the run completes). A
 * pass-through stage right after the drift stage; streaming analysis only (whole windows overlap, so a frame has
 * no single corrected copy there).
 */
final class CorrectedFramesStage implements WindowOperator, Streamable, RunContributor {
    private final Path file;
    private volatile TiffStreamWriter writer;

    CorrectedFramesStage(Path file) {
        this.file = file;
    }

    @Override
    public String name() {
        return "drift-corrected";
    }

    @Override
    public ImageStack apply(ImageStack window, WindowContext context) {
        throw new IllegalStateException("--drift-save-corrected needs the frame-by-frame analysis (--analysis stream)");
    }

    @Override
    public StreamStage openStream(StreamLayout layout, SourceFormat format) {
        double intervalMs = format.framesPerSecond().isPresent() && format.framesPerSecond().getAsDouble() > 0
                ? 1e3 / format.framesPerSecond().getAsDouble() : 0;
        TiffStreamWriter w = TiffStreamWriter.create(file, format.width(), format.height(), PixelType.F32,
                StackMetadata.of(PixelType.F32, format.pixelSizeNm().orElse(0), intervalMs));
        writer = w;
        float[] pixels = new float[format.width() * format.height()];
        return new StreamStage() {
            @Override
            public String name() {
                return "drift-corrected";
            }

            @Override
            public void frame(StreamFrame frame, Downstream out) {
                try {
                    frame.correctedPixels(pixels);
                    w.append(new PixelData.F32(pixels));
                } catch (RuntimeException e) {
                    frame.release();
                    throw e;
                }
                out.frame(frame);
            }

            @Override
            public void windowEnd(WindowEnd end, Downstream out) {
                out.windowEnd(end);
            }

            @Override
            public void finish(Downstream out) {
                w.finish();
            }

            @Override
            public void discard() {
                w.abort();
            }
        };
    }

    @Override
    public String section() {
        return "driftCorrected";
    }

    @Override
    public Object runJsonSection() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        TiffStreamWriter w = writer;
        m.put("frames", w == null ? 0 : w.framesWritten());
        m.put("content", "every analysed frame resampled to undo its drift; frames of skipped windows are absent");
        return m;
    }
}
