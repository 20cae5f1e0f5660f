package org.flowscope.core.source;

/**
 * A producer of frames: a camera, a simulator, a file replay, a network stream.
 *
 * <p>{@link #run(FrameConsumer)} is called once, on a dedicated producer thread, and returns when the source
 * is exhausted or {@link #stop()} was called. Frames lost by the source itself (camera buffer overflow) show up
 * as gaps in {@link org.flowscope.core.frame.FrameMetadata#sequence()} and are counted downstream; frames lost
 * after the last delivered one (a camera that stopped on overflow) are reported by {@link #framesLostAfterLastFrame()}.
 */
public interface FrameSource extends AutoCloseable {
    /** Size, pixel type and rate of what {@link #run} will deliver. */
    SourceFormat format();

    /** Delivers frames to {@code consumer} until exhausted or stopped; throws on acquisition failure. */
    void run(FrameConsumer consumer) throws Exception;

    /**
     * Frames the source lost after the last frame it delivered, which no sequence gap can show (a finite camera run
     * whose camera stopped on overflow). Read once, after {@link #run} returned or failed; 0 by default.
     */
    default long framesLostAfterLastFrame() {
        return 0;
    }

    /** Asks {@link #run} to return soon; safe to call from any thread, more than once. */
    void stop();

    /** Releases hardware and files. */
    @Override
    void close();
}
