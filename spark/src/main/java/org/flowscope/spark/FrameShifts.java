package org.flowscope.spark;

import java.io.Serializable;
import java.util.Arrays;
import org.flowscope.methods.drift.DriftTable;

/**
 * An acquisition's per-frame drift as Spark broadcasts it to the block tasks ({@link DriftTable} is not
 * {@link Serializable}); each task takes the rows of its own frames.
 */
record FrameShifts(double[] dx, double[] dy) implements Serializable {
    static FrameShifts of(DriftTable table) {
        return new FrameShifts(table.dx(), table.dy());
    }

    /** The table of frames {@code [from, to)}. */
    DriftTable rows(int from, int to) {
        if (from < 0 || to > dx.length || from >= to) {
            throw new IllegalArgumentException("frames [" + from + ", " + to + ") are not within the drift table's "
                    + dx.length + " frames");
        }
        return new DriftTable(Arrays.copyOfRange(dx, from, to), Arrays.copyOfRange(dy, from, to), 0);
    }
}
