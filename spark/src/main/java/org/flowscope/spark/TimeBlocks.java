package org.flowscope.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts one acquisition into the time blocks that run as Spark tasks. The acquisition's output frames (windows) are
 * {@code window} frames long and start every {@code step} frames; a task takes {@code windowsPerTask} whole windows
 * and reads every frame they cover, so windows that overlap ({@code step < window}) read the shared frames in both
 * tasks and no window is ever cut. With {@code step == window} (eSRRF's time points, {@code process esrrf
 * --frames-per-timepoint N}) the blocks do not overlap and the last window may be shorter, as {@code process} keeps a
 * shorter last time point; with overlapping windows only whole windows are made.
 */
public final class TimeBlocks {
    /**
     * One task's share of an acquisition.
     *
     * @param index       position of the block in the acquisition, 0-based
     * @param firstWindow first output frame the block makes
     * @param windows     output frames it makes
     * @param firstFrame  first input frame it reads
     * @param endFrame    one past the last input frame it reads
     */
    public record Block(int index, int firstWindow, int windows, int firstFrame, int endFrame) implements Serializable {
        public int frames() {
            return endFrame - firstFrame;
        }
    }

    private TimeBlocks() {
    }

    /** The blocks of an acquisition of {@code frames} frames, in time order. */
    public static List<Block> plan(int frames, int window, int step, int windowsPerTask) {
        if (frames < 1) {
            throw new IllegalArgumentException("an acquisition needs at least one frame, got " + frames);
        }
        if (window < 1 || step < 1 || step > window) {
            throw new IllegalArgumentException("windows need 1 <= step <= window, got window " + window + ", step " + step);
        }
        if (windowsPerTask < 1) {
            throw new IllegalArgumentException("windows per task must be >= 1, got " + windowsPerTask);
        }
        int windows = windowCount(frames, window, step);
        if (windows == 0) {
            throw new IllegalArgumentException("an acquisition of " + frames + " frames holds no whole window of "
                    + window + " frames");
        }
        List<Block> blocks = new ArrayList<>();
        for (int w = 0; w < windows; w += windowsPerTask) {
            int n = Math.min(windowsPerTask, windows - w);
            int first = w * step;
            int end = Math.min(frames, (w + n - 1) * step + window);
            blocks.add(new Block(blocks.size(), w, n, first, end));
        }
        return List.copyOf(blocks);
    }

    /** Output frames of {@code frames} input frames: every block when they do not overlap, whole windows otherwise. */
    public static int windowCount(int frames, int window, int step) {
        if (step == window) {
            return (frames + window - 1) / window;
        }
        return frames < window ? 0 : (frames - window) / step + 1;
    }
}
