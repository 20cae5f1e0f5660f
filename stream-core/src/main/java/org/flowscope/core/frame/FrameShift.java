package org.flowscope.core.frame;

/**
 * How far a frame's content has moved relative to the reference (its drift), in input pixels, x = columns,
 * y = rows. Undoing it means reading the frame at {@code p + (dx, dy)} for every reference position {@code p}; an
 * operator that interpolates anyway (eSRRF's magnification) folds that offset into its own sampling positions
 * instead of resampling the frame first.
 *
 * @param dx columns
 * @param dy rows
 */
public record FrameShift(float dx, float dy) {
    /** No drift. */
    public static final FrameShift ZERO = new FrameShift(0f, 0f);

    public FrameShift {
        if (!Float.isFinite(dx) || !Float.isFinite(dy)) {
            throw new IllegalArgumentException("a frame shift must be finite, got (" + dx + ", " + dy + ")");
        }
    }

    /** The shift {@code (dx, dy)} rounded to float. */
    public static FrameShift of(double dx, double dy) {
        return dx == 0 && dy == 0 ? ZERO : new FrameShift((float) dx, (float) dy);
    }

    public boolean isZero() {
        return dx == 0f && dy == 0f;
    }
}
