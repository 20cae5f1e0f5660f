package org.flowscope.adapters.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.flowscope.core.frame.FrameMetadata;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.io.FrameStackReader;
import org.flowscope.core.pipeline.RunContributor;
import org.flowscope.core.source.FrameConsumer;
import org.flowscope.core.source.FrameSource;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.source.SourceFormat;

/**
 * Replays a recording (a TIFF stack, an OME-Zarr image or a Micro-Manager NDTiff dataset, see {@link Recordings}; u8,
 * u16 or f32) as a {@link FrameSource}: frame i has
 * sequence number i and acquisition time i x the frame period (the file's interval for {@link ReplayRate.Mode#RECORDED},
 * 1/fps for {@link ReplayRate.Mode#FIXED}); frames are read lazily, one at a time. The file is validated when the
 * source is created; a float frame holding NaN or infinity stops the replay with an {@link IllegalArgumentException}
 * naming the frame.
 */
public final class ReplaySource implements FrameSource, RunContributor {
    private final Path file;
    private final FrameStackReader reader;
    private final ReplayRate rate;
    private final long frames;
    private final long periodNs;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicLong delivered = new AtomicLong();

    /**
     * Replays the recording at {@code path}, opened with the reader its form calls for ({@link Recordings}).
     *
     * @param maxFrames replay at most this many frames (the first ones); {@code <= 0} replays the whole recording
     */
    public ReplaySource(Path path, ReplayRate rate, long maxFrames) {
        this(Recordings.open(path), rate, maxFrames);
    }

    /** Replays what {@code reader} reads; the source owns the reader and closes it. */
    public ReplaySource(FrameStackReader reader, ReplayRate rate, long maxFrames) {
        this.file = reader.file();
        this.rate = rate;
        this.reader = reader;
        try {
            long n = reader.frameCount();
            this.frames = maxFrames > 0 ? Math.min(n, maxFrames) : n;
            OptionalDouble interval = reader.metadata().frameIntervalMs();
            this.periodNs = switch (rate.mode()) {
                case RECORDED -> {
                    if (interval.isEmpty()) {
                        throw new IllegalArgumentException("replay at the recorded rate needs a frame interval in the file,"
                                + " but " + file + " has none; give a rate with --fps");
                    }
                    yield Math.round(interval.getAsDouble() * 1e6);
                }
                case FIXED -> Math.round(1e9 / rate.fps());
                case AS_FAST_AS_POSSIBLE -> interval.isPresent() ? Math.round(interval.getAsDouble() * 1e6) : 0;
            };
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    @Override
    public SourceFormat format() {
        OptionalDouble fps = rate.mode() == ReplayRate.Mode.AS_FAST_AS_POSSIBLE || periodNs <= 0
                ? (periodNs > 0 ? OptionalDouble.of(1e9 / periodNs) : OptionalDouble.empty())
                : OptionalDouble.of(1e9 / periodNs);
        return new SourceFormat(reader.width(), reader.height(), reader.pixelType(), OptionalLong.of(frames), fps,
                reader.metadata().pixelSizeNm());
    }

    /** Frames this replay will deliver. */
    public long frameCount() {
        return frames;
    }

    @Override
    public void run(FrameConsumer consumer) throws InterruptedException {
        boolean paced = rate.mode() != ReplayRate.Mode.AS_FAST_AS_POSSIBLE;
        long start = System.nanoTime();
        for (int i = 0; i < frames && !stopped.get(); i++) {
            if (paced) {
                long wait = start + i * periodNs - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            PixelData px = reader.readFrame(i);
            if (px instanceof PixelData.F32 f) {
                requireFinite(f.pixels(), i);
            }
            long stamp = periodNs > 0 ? i * periodNs : System.nanoTime() - start;
            consumer.accept(new FrameMetadata(i, stamp, reader.width(), reader.height(), reader.pixelType(),
                    reader.metadata().pixelSizeNm(), 0, "replay:" + file.getFileName()), px);
            delivered.incrementAndGet();
        }
    }

    private void requireFinite(float[] px, int frame) {
        for (int k = 0; k < px.length; k++) {
            if (!Float.isFinite(px[k])) {
                throw new IllegalArgumentException("non-finite pixel " + px[k] + " at frame " + frame + ", row "
                        + (k / reader.width()) + ", column " + (k % reader.width()) + " in " + file);
            }
        }
    }

    public PixelType pixelType() {
        return reader.pixelType();
    }

    @Override
    public void stop() {
        stopped.set(true);
    }

    @Override
    public void close() {
        reader.close();
    }

    @Override
    public String section() {
        return "replay";
    }

    /**
     * The {@code replay} section of run.json: the recording and how it was replayed.
     *
     * @param file            the recording
     * @param format          its reader (TIFF, NDTiff, OME-Zarr)
     * @param pixelSizeNm     its pixel size, nm (absent when unknown)
     * @param frameIntervalMs its frame interval, ms (absent when unknown)
     * @param rate            recorded, fixed or as fast as possible
     * @param fps             the replay rate, frames/s; null when as fast as possible
     * @param framesInFile    frames in the recording
     * @param framesDelivered frames replayed
     * @param pixelType       u8, u16 or f32
     */
    public record Section(String file, String format, @JsonInclude(JsonInclude.Include.NON_NULL) Double pixelSizeNm,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Double frameIntervalMs, String rate, Double fps,
                          int framesInFile, long framesDelivered, String pixelType) {
    }

    @Override
    public Section runJsonSection() {
        var md = reader.metadata();
        return new Section(file.toString(), Recordings.format(reader),
                md.pixelSizeNm().isPresent() ? md.pixelSizeNm().getAsDouble() : null,
                md.frameIntervalMs().isPresent() ? md.frameIntervalMs().getAsDouble() : null,
                rate.mode().name().toLowerCase(java.util.Locale.ROOT), periodNs > 0 ? 1e9 / periodNs : null,
                reader.frameCount(), delivered.get(), reader.pixelType().name().toLowerCase(java.util.Locale.ROOT));
    }
}
