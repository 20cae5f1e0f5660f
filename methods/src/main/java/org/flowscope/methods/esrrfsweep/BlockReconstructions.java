package org.flowscope.methods.esrrfsweep;

import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.esrrf.Esrrf;
import org.flowscope.methods.esrrf.EsrrfParams;
import org.flowscope.methods.esrrf.MacroPixelCorrection;
import org.flowscope.methods.esrrf.TemporalCorrelation;

/**
 * The eSRRF reconstructions one block of frames is measured on: the whole block (for RSP, and decorrelation) and, for
 * FRC, its even frames (0, 2, ...) and its odd frames (1, 3, ...) separately.
 *
 * <p>The halves come from one eSRRF call on the block reordered as {@code [even frames, odd frames]} with
 * {@code ceil(n/2)} frames per time point, which returns exactly the two half reconstructions. With the AVG statistic
 * the whole-block image is then their frame-weighted mean, {@code (n_even E + n_odd O)/n} before the macro-pixel
 * correction (applied afterwards to all three when asked for), so every frame's RGC map is computed once per
 * combination instead of twice; VAR and TAC2 do not combine that way and get a second call on the block as it is.
 * Within float rounding (the sums run in a different order) this equals eSRRF run on the whole block.
 *
 * @param full the reconstruction of the block
 * @param even the reconstruction of its even frames, or null when the metric needs no halves
 * @param odd  the reconstruction of its odd frames, or null when the metric needs no halves
 */
record BlockReconstructions(ImageStack full, ImageStack even, ImageStack odd) {
    private static final Esrrf ESRRF = new Esrrf();

    static BlockReconstructions of(SweepSteps steps, EsrrfParams p, ImageStack block, ResolutionMetric metric) {
        if (metric == ResolutionMetric.DECORR) {
            return new BlockReconstructions(steps.run(ESRRF, p, block), null, null);
        }
        int n = block.frames();
        int nEven = (n + 1) / 2;
        int nOdd = n / 2;
        ImageStack interleaved = evenThenOdd(block);
        boolean avg = p.temporal() == TemporalCorrelation.AVG;
        EsrrfParams halves = p.withFramesPerTimePoint(nEven).withMacroPixelCorrection(p.macroPixelCorrection() && !avg);
        ImageStack both = steps.run(ESRRF, halves, interleaved);
        if (both.frames() != 2) {
            throw new IllegalStateException("eSRRF of " + n + " frames in blocks of " + nEven + " gave " + both.frames()
                    + " time points, expected 2");
        }
        ImageStack even = both.frame(0);
        ImageStack odd = both.frame(1);
        if (!avg) {
            return new BlockReconstructions(steps.run(ESRRF, p, block), even, odd);
        }
        float[] e = even.data();
        float[] o = odd.data();
        float[] f = new float[e.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (((double) nEven * e[i] + (double) nOdd * o[i]) / n);
        }
        ImageStack full = ImageStack.ofImage(even.height(), even.width(), f);
        if (p.macroPixelCorrection()) {
            for (ImageStack img : new ImageStack[] {full, even, odd}) {
                MacroPixelCorrection.applyInPlace(img.data(), 0, img.height(), img.width(), p.magnification());
            }
        }
        return new BlockReconstructions(full, even, odd);
    }

    /** A copy of {@code block} with its even frames first, then its odd frames, each in their order. */
    static ImageStack evenThenOdd(ImageStack block) {
        int size = block.frameSize();
        float[] src = block.data();
        float[] dst = new float[src.length];
        int k = 0;
        for (int start = 0; start < 2; start++) {
            for (int f = start; f < block.frames(); f += 2) {
                System.arraycopy(src, block.offset(f), dst, k * size, size);
                k++;
            }
        }
        return new ImageStack(block.frames(), block.height(), block.width(), dst);
    }
}
