package org.flowscope.methods.drift;

import java.nio.file.Path;
import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.core.pipeline.WindowOperator;
import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Kernel;
import org.flowscope.methods.spi.LiveSetup;
import org.flowscope.methods.spi.LiveStage;
import picocli.CommandLine.Option;

/**
 * {@code flowscope live ... --drift}: measures the drift before the {@code --op} operator (e.g. eSRRF), as a plain
 * stage of the operator chain ({@link DriftStage}); frame by frame, each frame carries its drift to the operator,
 * which undoes it in its own interpolation (eSRRF) or by resampling (average).
 */
public final class DriftLiveStage implements LiveStage {
    /** The drift options of {@code live}. */
    public static final class Options {
        @Option(names = "--drift", description = "Correct drift window by window before the operator.")
        boolean enabled;

        @Option(names = "--drift-reference", paramLabel = "FILE",
                description = "Reference image for --drift (default: the first window's mean).")
        Path reference;

        @Option(names = "--drift-max-shift", paramLabel = "PX", defaultValue = "0",
                description = "Largest drift per axis searched, pixels (0 = half the frame). Default: ${DEFAULT-VALUE}.")
        double maxShift;

        @Option(names = "--drift-interpolator", paramLabel = "NAME",
                description = "Resampling for operators without an interpolation of their own (average, "
                        + "--drift-save-corrected): ${COMPLETION-CANDIDATES}; eSRRF undoes the drift in its own "
                        + "magnification instead. Default: ${DEFAULT-VALUE}.")
        Kernel interpolator = Kernel.LANCZOS3;

        @Option(names = "--drift-every", paramLabel = "N", defaultValue = "0",
                description = "Frames per drift measurement when frames are analysed as they arrive (0 = the "
                        + "stream's unit of work, about 10 frames). Default: ${DEFAULT-VALUE}.")
        int every;

        @Option(names = "--drift-save-corrected",
                description = "Also write every analysed frame with its drift undone to raw_corrected.tif (float32).")
        boolean saveCorrected;
    }

    /** The file of {@code --drift-save-corrected}. */
    public static final String CORRECTED = "raw_corrected.tif";

    private final Options options = new Options();

    @Override
    public String name() {
        return "drift";
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public Position position() {
        return Position.CORRECTION;
    }

    @Override
    public List<WindowOperator> stagesBefore(LiveSetup setup) {
        if (!options.enabled) {
            return List.of();
        }
        ImageStack ref = null;
        if (options.reference != null) {
            ref = TiffStacks.read(options.reference).stack();
            if (ref.frames() != 1) {
                throw new IllegalArgumentException("--drift-reference must be one image, " + options.reference + " has "
                        + ref.frames() + " frames");
            }
            if (ref.width() != setup.format().width() || ref.height() != setup.format().height()) {
                throw new IllegalArgumentException("--drift-reference is " + ref.width() + "x" + ref.height()
                        + " but the source delivers " + setup.format().width() + "x" + setup.format().height());
            }
        }
        if (options.every < 0) {
            throw new IllegalArgumentException("--drift-every must be >= 0 frames (0 = the unit of work), got " + options.every);
        }
        if (options.saveCorrected && !setup.streaming()) {
            throw new IllegalArgumentException("--drift-save-corrected needs the frame-by-frame analysis, not --analysis window");
        }
        // NEAREST borders: the following operator (eSRRF gradients) must not see artificial edges
        DriftCorrectionParams correction = new DriftCorrectionParams(options.interpolator, Border.NEAREST);
        DriftStage drift = new DriftStage(setup.engine(), setup.selection(), ref,
                options.reference == null ? null : options.reference.toString(), options.maxShift, correction,
                options.every, setup.pixelSizeNm());
        if (options.saveCorrected) {
            return List.of(drift, new CorrectedFramesStage(setup.outDir().resolve(CORRECTED)));
        }
        return List.of(drift);
    }
}
