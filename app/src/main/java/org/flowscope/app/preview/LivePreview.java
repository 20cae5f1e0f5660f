package org.flowscope.app.preview;

import java.net.URI;
import java.util.Optional;
import java.util.function.ObjLongConsumer;
import org.flowscope.app.image.GrayImage;
import org.flowscope.app.live.status.LiveSnapshot;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.ResultListener;
import org.flowscope.core.pipeline.WindowContext;

/**
 * The preview of one live run: the server, the hub, a latest-wins side branch that copies each reconstruction's
 * last frame, and a raw-frame receiver for the {@link org.flowscope.app.live.status.SourceTap}. Its {@code run.json}
 * section {@code preview} says where it was served and what it dropped.
 */
public final class LivePreview implements AutoCloseable {
    /** Least time between two raw-frame copies, ms (the page shows a few per second at most). */
    public static final long RAW_EVERY_MS = 100;

    /**
     * The {@code preview} section of run.json.
     *
     * @param url              where the page was served
     * @param resultsShown     reconstructions handed to the preview
     * @param counts           events and images sent and superseded
     */
    public record Section(String url, long resultsShown, PreviewEvent.Counts counts) {
    }

    private final PreviewHub hub = new PreviewHub();
    private final PreviewServer server;
    private volatile long results;

    private LivePreview(PreviewOptions options) {
        this.server = PreviewServer.start(hub, options.bind(), options.port().orElseThrow(), options.token());
    }

    /** Starts the preview when {@code --preview} was given. */
    public static Optional<LivePreview> start(PreviewOptions options) {
        return options.port().isPresent() ? Optional.of(new LivePreview(options)) : Optional.empty();
    }

    public URI url() {
        return server.url();
    }

    /** Receives raw frames from the source tap (a copy and its sequence number, on the source thread). */
    public ObjLongConsumer<GrayImage> rawFrames() {
        return hub::offerRaw;
    }

    /** The side branch that shows each reconstruction (the last frame of a multi-frame result). */
    public ResultListener listener() {
        return new ResultListener() {
            @Override
            public void onResult(ImageStack result, WindowContext context) {
                int from = result.offset(result.frames() - 1);
                float[] last = java.util.Arrays.copyOfRange(result.data(), from, from + result.frameSize());
                hub.offerResult(new GrayImage(result.width(), result.height(), last), context.index());
                results++;
            }

            @Override
            public String section() {
                return "preview";
            }

            @Override
            public Object runJsonSection() {
                return new Section(server.url().toString().replaceAll("token=[^&]*", "token=..."), results, hub.counts());
            }
        };
    }

    /** Publishes a snapshot to the browsers (on the progress thread). */
    public void publish(LiveSnapshot snapshot) {
        hub.publish(snapshot);
    }

    /** The latest event (tests, and the final state). */
    public PreviewEvent latest() {
        return hub.latest();
    }

    /** Sends the last event to every browser and stops serving. */
    @Override
    public void close() {
        server.close();
    }
}
