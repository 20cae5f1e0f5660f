package org.flowscope.methods.quality;

import org.flowscope.core.image.ImageStack;

/** Argument checks shared by the quality metrics; each failure names the rule and the offending value. */
public final class ImageChecks {
    private ImageChecks() {
    }

    /** Rejects a stack with more than one frame where a single image is expected. */
    public static void requireSingleImage(String name, ImageStack image) {
        if (image.frames() != 1) {
            throw new IllegalArgumentException(name + " must be a single image, got " + image.frames() + " frames");
        }
    }

    /** Rejects images whose height and width differ. */
    public static void requireSameSize(String nameA, ImageStack a, String nameB, ImageStack b) {
        if (a.height() != b.height() || a.width() != b.width()) {
            throw new IllegalArgumentException(nameA + " and " + nameB + " must have the same size, got "
                    + a.height() + "x" + a.width() + " and " + b.height() + "x" + b.width());
        }
    }

    /** Rejects images smaller than {@code min} pixels along either axis. */
    public static void requireMinSize(String name, ImageStack image, int min) {
        if (image.height() < min || image.width() < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + "x" + min + " pixels, got "
                    + image.height() + "x" + image.width());
        }
    }

    /** Rejects NaN/infinite pixels and images whose pixels are all equal (no spatial frequencies to measure). */
    public static void requireFiniteNonConstant(String name, ImageStack image) {
        float[] d = image.data();
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < d.length; i++) {
            float v = d[i];
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException(name + " must contain only finite pixels, got " + v + " at index " + i);
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min == max) {
            throw new IllegalArgumentException(name + " must not be constant, all pixels are " + min);
        }
    }

    /** The mean over frames of the frames {@code first, first + step, ...} as one image. */
    public static ImageStack meanOfFrames(ImageStack stack, int first, int step) {
        int size = stack.frameSize();
        double[] acc = new double[size];
        int count = 0;
        float[] d = stack.data();
        for (int f = first; f < stack.frames(); f += step) {
            int off = stack.offset(f);
            for (int i = 0; i < size; i++) {
                acc[i] += d[off + i];
            }
            count++;
        }
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) (acc[i] / count);
        }
        return ImageStack.ofImage(stack.height(), stack.width(), out);
    }
}
