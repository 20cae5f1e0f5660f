package org.flowscope.spark;

import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.Engine;
import org.flowscope.engine.Execution;
import org.flowscope.methods.decorr.Decorr;
import org.flowscope.methods.decorr.DecorrParams;
import org.flowscope.methods.decorr.DecorrResult;
import org.flowscope.methods.frc.Frc;
import org.flowscope.methods.frc.FrcConvention;
import org.flowscope.methods.frc.FrcInput;
import org.flowscope.methods.frc.FrcParams;
import org.flowscope.methods.frc.FrcResult;

/**
 * {@code batch --quality} for one time point, in its task: the FRC of the means of the time point's even and odd
 * (drift-corrected) frames, and the decorrelation resolution of its eSRRF frame — the two metrics of the live
 * quality branch ({@code live --quality}), here computed for every time point through the executor's engine. A value
 * is NaN when its metric cannot be formed (a one-frame time point, an image under the operation's minimum size) or
 * found no threshold crossing or peak; {@code frequency} is null exactly when no FRC was computed.
 *
 * @param timePoint  the output frame
 * @param frcPx      FRC resolution, input pixels
 * @param frcNm      the same in nm (input pixel size known)
 * @param decorrPx   decorrelation resolution of the reconstruction, reconstruction pixels
 * @param decorrNm   the same in nm
 * @param frequency  the FRC curve's ring frequencies (cycles per input pixel); null without an FRC
 * @param frc        the smoothed FRC curve; null without an FRC
 * @param threshold  the FRC threshold
 * @param elapsedMs  time the two analyses took
 */
record TimePointQuality(int timePoint, double frcPx, double frcNm, double decorrPx, double decorrNm, double[] frequency,
        double[] frc, double threshold, double elapsedMs) implements Serializable {

    /**
     * The quality of each time point of a block: {@code frames} are the block's (corrected) input frames, time point
     * {@code i} holding frames {@code [i * length, min((i + 1) * length, frames))}; {@code result} its eSRRF frames.
     */
    static List<TimePointQuality> of(ImageStack frames, ImageStack result, int firstTimePoint, int length,
            double inputPixelSizeNm, Engine engine, EngineSettings settings, Consumer<EngineCall> calls) {
        Frc frcOp = new Frc();
        Decorr decorrOp = new Decorr();
        TimePointQuality[] out = new TimePointQuality[result.frames()];
        for (int i = 0; i < result.frames(); i++) {
            long t0 = System.nanoTime();
            int from = i * length;
            int to = Math.min(frames.frames(), from + length);
            ImageStack part = frames.frames(from, to);
            FrcResult frc = null;
            if (part.frames() >= 2 && part.height() >= Frc.MIN_SIDE && part.width() >= Frc.MIN_SIDE) {
                Execution<FrcResult> ex = engine.execute(frcOp, new FrcParams(inputPixelSizeNm, FrcConvention.STANDARD),
                        FrcInput.oddEven(part), settings.selection(frcOp.id()));
                calls.accept(EngineCall.of(frcOp.id(), ex));
                frc = ex.output();
            }
            ImageStack image = result.frame(i);
            DecorrResult decorr = null;
            if (image.height() >= Decorr.MIN_SIDE && image.width() >= Decorr.MIN_SIDE) {
                double pixel = inputPixelSizeNm * frames.width() / image.width();
                Execution<DecorrResult> ex = engine.execute(decorrOp, DecorrParams.defaults().withPixelSize(pixel), image,
                        settings.selection(decorrOp.id()));
                calls.accept(EngineCall.of(decorrOp.id(), ex));
                decorr = ex.output();
            }
            out[i] = new TimePointQuality(firstTimePoint + i, frc == null ? Double.NaN : frc.resolutionPx(),
                    frc == null ? Double.NaN : frc.resolutionNm(), decorr == null ? Double.NaN : decorr.resolutionPx(),
                    decorr == null ? Double.NaN : decorr.resolutionNm(), frc == null ? null : frc.frequency(),
                    frc == null ? null : frc.smoothed(), frc == null ? Double.NaN : frc.threshold(),
                    (System.nanoTime() - t0) / 1e6);
        }
        return List.of(out);
    }
}
