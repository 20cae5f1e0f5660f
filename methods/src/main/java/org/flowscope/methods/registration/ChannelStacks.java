package org.flowscope.methods.registration;

import ij.ImagePlus;
import ij.io.Opener;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.TiffStacks;

/**
 * Reads the channels of a registration input as a stack whose frames are the channels: an ImageJ hyperstack with
 * channels (and one slice and one time point), or a plain multi-page TIFF (pages = channels). TiffStacks reads
 * time series and deliberately rejects multi-channel files, so channel files are opened with ImageJ here.
 */
public final class ChannelStacks {
    private ChannelStacks() {
    }

    public static ImageStack read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("input file not found: " + file);
        }
        ImagePlus imp = new Opener().openImage(file.toAbsolutePath().toString());
        if (imp == null) {
            throw new IllegalArgumentException("not a readable TIFF: " + file);
        }
        if (imp.getNChannels() <= 1) {
            return TiffStacks.read(file).stack();
        }
        if (imp.getNSlices() > 1 || imp.getNFrames() > 1) {
            throw new IllegalArgumentException("registration needs one image per channel, but " + file + " has "
                    + imp.getNSlices() + " slices and " + imp.getNFrames() + " time points");
        }
        ij.ImageStack st = imp.getStack();
        int w = st.getWidth();
        int h = st.getHeight();
        int n = st.getSize();
        float[] data = new float[n * w * h];
        for (int c = 0; c < n; c++) {
            float[] px = (float[]) st.getProcessor(c + 1).convertToFloatProcessor().getPixels();
            for (float v : px) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("channel " + c + " of " + file + " holds a non-finite value " + v);
                }
            }
            System.arraycopy(px, 0, data, c * w * h, w * h);
        }
        return new ImageStack(n, h, w, data);
    }
}
