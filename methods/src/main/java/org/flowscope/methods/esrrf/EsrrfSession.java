package org.flowscope.methods.esrrf;

import java.util.List;
import java.util.function.BiConsumer;
import org.flowscope.core.frame.FrameShift;
import org.flowscope.core.source.PixelData;

/**
 * One device's side of streaming eSRRF ({@link EsrrfStream}): each frame's map is computed when the frame arrives and
 * folded into the running sums of a <b>run</b> (consecutive frames of one segment, see
 * {@link org.flowscope.core.window.StreamLayout}); a window's image is made from the runs that tile it. Runs stay
 * where they were computed (on the device) until {@link #release}d.
 *
 * <p>Called by one thread at a time (the analysis thread), except {@link PendingWindow#await} of a returned window.
 * Device trouble surfaces as {@link org.flowscope.engine.spi.DeviceMemoryException} from {@link #begin} (the run
 * was not started) or as {@link org.flowscope.engine.spi.BackendUnavailableException} from any call.
 */
public interface EsrrfSession extends AutoCloseable {
    /** Starts run {@code run}: allocates its running sums (all zero). */
    void begin(long run);

    /**
     * Adds one frame, read {@code shift} away from its usual sampling positions (its drift undone), to run
     * {@code run}. The pixels are copied (or uploaded) before this returns; the caller may reuse them.
     */
    void add(long run, PixelData pixels, FrameShift shift);

    /** Marks the end of unit {@code unit} (its frames were the ones added since the previous mark). */
    void endUnit(long unit);

    /**
     * Passes the busy time of every marked unit whose work has completed since the last call, in seconds of work on
     * this session's device (one-time costs excluded), to {@code sink}.
     */
    void drainTimings(BiConsumer<Long, Double> sink);

    /** Waits until every marked unit's work has completed, so that {@link #drainTimings} passes them all. */
    void awaitTimings();

    /** Frames added to run {@code run} so far. */
    int frames(long run);

    /** The image of the window made of {@code runs} of this session, in time order (all frames of the window). */
    PendingWindow window(List<Long> runs);

    /** The running sums of {@code run} on the host, to join with runs of other sessions (waits for its work). */
    TemporalAccumulator partial(long run);

    /** Frees run {@code run}'s sums (a no-op for an unknown run). */
    void release(long run);

    /** Frees everything; waits for work in flight. */
    @Override
    void close();
}
