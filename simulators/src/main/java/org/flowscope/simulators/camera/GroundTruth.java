package org.flowscope.simulators.camera;

import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.simulators.sample.Emitter;

/**
 * What a simulation really contained. Coordinates are continuous camera pixels: pixel k spans [k, k+1) (centre
 * k + 0.5), x along columns, y along rows; nm = px * pixel size. Emitter positions are sample positions: the
 * position observed in frame t is {@code (x + dx(t), y + dy(t))} with the drift of {@link #driftPx(int)}.
 *
 * @param emitters emitters in sample coordinates
 * @param onFrames per emitter, the number of frames it was on
 * @param drift    per frame {dx, dy} in px, drift[0] = {0, 0}
 * @param params   the simulation's parameters
 */
public record GroundTruth(List<Emitter> emitters, long[] onFrames, double[][] drift, SimulationParams params) {

    /** Drift of frame t, {dx, dy} in px. */
    public double[] driftPx(int t) {
        return drift[t].clone();
    }

    public int frames() {
        return drift.length;
    }

    /**
     * The sample rendered on a grid {@code magnification} times finer than the camera: high-resolution pixel j spans
     * [j / M, (j + 1) / M) camera pixels. Each emitter contributes its total emitted photons (on-frames x photons per
     * frame); with {@code sigmaHighResPx} = 0 each lands in the one high-resolution pixel containing it, otherwise it
     * is spread as a pixel-integrated Gaussian of that sigma (in high-resolution pixels). Drift is not applied.
     */
    public ImageStack render(int magnification, double sigmaHighResPx) {
        if (magnification < 1) {
            throw new IllegalArgumentException("magnification must be >= 1, got " + magnification);
        }
        if (!(sigmaHighResPx >= 0)) {
            throw new IllegalArgumentException("render sigma must be >= 0 px, got " + sigmaHighResPx);
        }
        int w = params.camera().width() * magnification;
        int h = params.camera().height() * magnification;
        double[] img = new double[w * h];
        PsfRenderer psf = sigmaHighResPx > 0 ? new PsfRenderer(sigmaHighResPx) : null;
        for (int i = 0; i < emitters.size(); i++) {
            Emitter e = emitters.get(i);
            double weight = onFrames[i] * e.photons();
            double x = e.x() * magnification;
            double y = e.y() * magnification;
            if (psf != null) {
                psf.add(img, w, h, x, y, weight);
            } else {
                int c = (int) Math.floor(x);
                int r = (int) Math.floor(y);
                if (c >= 0 && c < w && r >= 0 && r < h) {
                    img[r * w + c] += weight;
                }
            }
        }
        float[] out = new float[img.length];
        for (int i = 0; i < img.length; i++) {
            out[i] = (float) img[i];
        }
        return ImageStack.ofImage(h, w, out);
    }
}
