package org.flowscope.core.window;

import java.util.ArrayList;
import java.util.List;
import org.flowscope.core.image.ImageStack;

/**
 * NanoPyx-style time-point blocks: a stack of T frames is cut into consecutive, non-overlapping blocks of
 * {@code framesPerTimePoint} frames; the last block holds the remainder and may be shorter. A value of 0 means
 * "one block with every frame".
 */
public final class TimePointBlocks {
    private TimePointBlocks() {
    }

    /** A block: frames [from, to). */
    public record Block(int index, int from, int to) {
        public int length() {
            return to - from;
        }
    }

    /** The blocks of a {@code frames}-frame stack. */
    public static List<Block> of(int frames, int framesPerTimePoint) {
        if (frames <= 0) {
            throw new IllegalArgumentException("stack has no frames (frames=" + frames + ")");
        }
        if (framesPerTimePoint < 0) {
            throw new IllegalArgumentException("frames per time point must be >= 0 (0 = all), got " + framesPerTimePoint);
        }
        if (framesPerTimePoint > frames) {
            throw new IllegalArgumentException("frames per time point " + framesPerTimePoint
                    + " is larger than the stack (" + frames + " frames)");
        }
        int size = framesPerTimePoint == 0 ? frames : framesPerTimePoint;
        List<Block> blocks = new ArrayList<>();
        for (int from = 0, i = 0; from < frames; from += size, i++) {
            blocks.add(new Block(i, from, Math.min(frames, from + size)));
        }
        return blocks;
    }

    /** The blocks of {@code stack} as copies. */
    public static List<ImageStack> split(ImageStack stack, int framesPerTimePoint) {
        List<ImageStack> out = new ArrayList<>();
        for (Block b : of(stack.frames(), framesPerTimePoint)) {
            out.add(stack.frames(b.from(), b.to()));
        }
        return out;
    }
}
