package org.flowscope.adapters.mm;

/**
 * What an MMCore acquisition delivered and lost, as far as the source could detect.
 *
 * @param delivered    frames handed to the consumer
 * @param lostFrames   frames the camera produced (or was asked for) that never reached the consumer
 * @param gaps         forward jumps in {@code ImageNumber} (each one a run of lost frames)
 * @param bufferResets whole-buffer clears detected (remaining count fell, or {@code ImageNumber} restarted)
 * @param outOfOrder   frames whose {@code ImageNumber} was below one already delivered without being a restart: MMCore
 *                     copies a popped slot after releasing its buffer lock, and a camera that laps the buffer in the
 *                     meantime mixes two frames; such a frame may be torn
 * @param overflowed   {@code isBufferOverflowed()} was seen true (stop-on-overflow acquisition filled the buffer)
 * @param exact        false when {@link #lostFrames} is a lower bound: a reset was detected without
 *                     {@code ImageNumber} evidence (MMCore 10.x restarts the counter at every clear), so one
 *                     buffer's capacity was counted per reset
 */
public record MmLoss(long delivered, long lostFrames, long gaps, long bufferResets, long outOfOrder, boolean overflowed,
                     boolean exact) {

    /** True when any loss was detected (frames out of order are reported, but are no loss). */
    public boolean any() {
        return lostFrames > 0 || gaps > 0 || bufferResets > 0 || overflowed;
    }

    /** One-line summary for the progress line, e.g. {@code "mm lost 80 (2 gaps, 2 resets)"}. */
    public String summary() {
        return "mm lost " + (exact ? "" : ">=") + lostFrames + " (" + gaps + " gaps, " + bufferResets + " resets"
                + (outOfOrder > 0 ? ", " + outOfOrder + " out of order" : "") + (overflowed ? ", overflowed" : "") + ")";
    }
}
