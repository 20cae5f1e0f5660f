package org.flowscope.methods.esrrf;

import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;

/**
 * The plain-Java reference of {@link EsrrfStream}: every window on its own, from the reference per-frame maps
 * ({@link EsrrfCpu#frameMap}) and the reference temporal statistic ({@link EsrrfCpu#fromFrames}) — the definition,
 * with no sharing between windows. Its {@link #open session} streams the same reference maps into running sums.
 */
public final class EsrrfStreamCpu implements Implementation<EsrrfStreamParams, EsrrfStreamInput, ImageStack>,
        StreamingEsrrf {
    private static final ImplementationInfo INFO = new ImplementationInfo("esrrf-stream.cpu", EsrrfStream.class,
            Backend.CPU, Precision.MIXED, "streaming eSRRF with shifted sampling, single-threaded Java reference");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(EsrrfStreamParams params, EsrrfStreamInput input, ExecutionContext context) {
        return apply(params, input);
    }

    /** Every complete window of {@code in}, each computed from scratch. */
    public static ImageStack apply(EsrrfStreamParams p, EsrrfStreamInput in) {
        new EsrrfStream().validate(p, in);
        ImageStack frames = in.frames();
        EsrrfParams e = p.esrrf();
        int m = e.magnification();
        int hm = frames.height() * m;
        int wm = frames.width() * m;
        int px = hm * wm;
        int windows = p.windows(frames.frames());
        float[] out = new float[windows * px];
        for (int w = 0; w < windows; w++) {
            int first = w * p.step();
            float[] maps = new float[p.window() * px];
            for (int f = 0; f < p.window(); f++) {
                EsrrfCpu.frameMap(e, frames, first + f, in.shift(first + f), maps, f * px);
            }
            ImageStack image = EsrrfCpu.fromFrames(e, new ImageStack(p.window(), hm, wm, maps));
            System.arraycopy(image.data(), 0, out, w * px, px);
        }
        return new ImageStack(windows, hm, wm, out);
    }

    @Override
    public EsrrfSession open(EsrrfStreamParams params, int height, int width, PixelType pixelType,
            ExecutionContext context) {
        EsrrfParams e = params.esrrf();
        int px = height * width * e.magnification() * e.magnification();
        float[] map = new float[px];
        return new CpuEsrrfSession(params, height, width, (frame, shift, acc) -> {
            EsrrfCpu.frameMap(e, new ImageStack(1, height, width, frame), 0, shift, map, 0);
            acc.addFrame(map, 0);
        });
    }
}
