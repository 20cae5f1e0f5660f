package org.flowscope.app.report;

import java.nio.file.Path;
import org.flowscope.adapters.replay.Recordings;
import org.flowscope.app.image.GrayImage;
import org.flowscope.core.io.FrameStackReader;
import org.flowscope.core.io.PixelConversion;

/**
 * The first, the last and the temporal mean of a stack, read frame by frame (a long run's result never has to fit in
 * memory at once).
 *
 * @param file        the stack
 * @param frames      frames in it
 * @param first       frame 0
 * @param last        the last frame
 * @param mean        the mean of every frame
 * @param pixelSizeNm its pixel size, nm (NaN when unknown)
 */
public record StackPreview(Path file, int frames, GrayImage first, GrayImage last, GrayImage mean, double pixelSizeNm) {
    /**
     * Reads {@code file} (a TIFF or OME-TIFF stack, or an OME-Zarr folder, of any pixel type); bad files are
     * IllegalArgumentExceptions.
     */
    public static StackPreview read(Path file) {
        try (FrameStackReader r = Recordings.open(file)) {
            int w = r.width();
            int h = r.height();
            int n = r.frameCount();
            if (n < 1) {
                throw new IllegalArgumentException(file + " holds no frame");
            }
            float[] frame = new float[w * h];
            double[] sum = new double[w * h];
            float[] first = null;
            for (int i = 0; i < n; i++) {
                PixelConversion.toFloat(r.readFrame(i), frame, 0, w * h);
                if (i == 0) {
                    first = frame.clone();
                }
                for (int p = 0; p < sum.length; p++) {
                    sum[p] += frame[p];
                }
            }
            float[] mean = new float[sum.length];
            for (int p = 0; p < mean.length; p++) {
                mean[p] = (float) (sum[p] / n);
            }
            double nm = r.metadata().pixelSizeNm().orElse(Double.NaN);
            return new StackPreview(file, n, new GrayImage(w, h, first), new GrayImage(w, h, frame), new GrayImage(w, h, mean), nm);
        }
    }
}
