package org.flowscope.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.flowscope.adapters.replay.Recordings;
import org.flowscope.app.run.MachineInfo;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.FrameStackReader;
import org.flowscope.core.io.PixelConversion;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.engine.Engine;
import org.flowscope.engine.Execution;
import org.flowscope.methods.esrrf.Esrrf;
import org.flowscope.methods.drift.DriftCorrection;
import org.flowscope.methods.drift.DriftCorrectionInput;
import org.flowscope.methods.esrrf.EsrrfParams;

/**
 * One Spark task: reads a block's frames of one acquisition (only those: a task never loads the whole file) and runs
 * eSRRF on them through its executor's engine ({@link ExecutorEngines}), which picks the implementation for the
 * executor's hardware. The frames are converted to float32 exactly as {@code process} reads them, and a block holds
 * whole time points, so each output frame is computed from the same values by the same code as {@code process esrrf}.
 * With {@code --drift} the frames are first shifted back by their rows of the acquisition's drift table (broadcast),
 * with the drift-correction operation of {@code process drift-apply}, which corrects each frame on its own; with
 * {@code --quality} each time point's FRC and decorrelation follow ({@link TimePointQuality}).
 */
final class BlockTask implements Function<TimeBlocks.Block, BlockTask.Result> {
    private static final long serialVersionUID = 1L;

    /**
     * What a task sends back to the driver.
     *
     * @param data    the block's output frames, {@code (windows, height, width)} row-major
     * @param seconds the engine's eSRRF compute time for the block
     * @param quality one entry per time point with {@code --quality}, else empty
     * @param calls   every engine call of the task (drift correction, eSRRF, FRC, decorrelation)
     */
    record Result(TimeBlocks.Block block, int height, int width, float[] data, String implementation, String device,
            double seconds, String executor, List<TimePointQuality> quality, List<EngineCall> calls)
            implements Serializable {
    }

    private final String input;
    private final EsrrfSettings esrrf;
    private final EngineSettings engine;
    private final DriftSettings drift;
    private final Broadcast<FrameShifts> shifts;
    private final boolean quality;
    private final double inputPixelSizeNm;

    BlockTask(Path input, EsrrfSettings esrrf, EngineSettings engine) {
        this(input, esrrf, engine, null, null, false, Double.NaN);
    }

    /**
     * @param drift            null, or how the frames are corrected with {@code shifts}
     * @param inputPixelSizeNm the input's pixel size for the quality values in nm; NaN when unknown
     */
    BlockTask(Path input, EsrrfSettings esrrf, EngineSettings engine, DriftSettings drift, Broadcast<FrameShifts> shifts,
            boolean quality, double inputPixelSizeNm) {
        if ((drift == null) != (shifts == null)) {
            throw new IllegalArgumentException("drift settings and shifts go together, got " + drift + " and " + shifts);
        }
        this.input = input.toString();
        this.esrrf = esrrf;
        this.engine = engine;
        this.drift = drift;
        this.shifts = shifts;
        this.quality = quality;
        this.inputPixelSizeNm = inputPixelSizeNm;
    }

    @Override
    public Result call(TimeBlocks.Block block) {
        ImageStack frames = read(Path.of(input), block);
        EsrrfParams params = esrrf.params();
        Esrrf op = new Esrrf();
        op.validate(params, frames);
        Engine e = ExecutorEngines.get(engine);
        List<EngineCall> calls = new ArrayList<>();
        if (drift != null) {
            DriftCorrection correction = new DriftCorrection();
            Execution<ImageStack> shifted = e.execute(correction, drift.correction(),
                    new DriftCorrectionInput(frames, shifts.value().rows(block.firstFrame(), block.endFrame())),
                    engine.selection(correction.id()));
            calls.add(EngineCall.of(correction.id(), shifted));
            frames = shifted.output();
        }
        Execution<ImageStack> ex = e.execute(op, params, frames, engine.selection(op.id()));
        calls.add(EngineCall.of(op.id(), ex));
        ImageStack out = ex.output();
        if (out.frames() != block.windows()) {
            throw new IllegalStateException("block " + block + " of " + input + " made " + out.frames()
                    + " frame(s), expected " + block.windows());
        }
        List<TimePointQuality> q = quality ? TimePointQuality.of(frames, out, block.firstWindow(),
                params.blockLength(block.frames()), inputPixelSizeNm, e, engine, calls::add) : List.of();
        var choice = ex.decision().choice();
        return new Result(block, out.height(), out.width(), out.data(), choice.implementation(), choice.device().label(),
                ex.seconds(), executor(), q, List.copyOf(calls));
    }

    /** Frames {@code [firstFrame, endFrame)} as float32, under the checks of {@link TiffStacks#read}. */
    static ImageStack read(Path file, TimeBlocks.Block block) {
        try (FrameStackReader reader = Recordings.open(file)) {
            if (block.endFrame() > reader.frameCount()) {
                throw new IllegalArgumentException(file + " has " + reader.frameCount() + " frames, block "
                        + block.index() + " needs frames up to " + block.endFrame());
            }
            int frameSize = reader.width() * reader.height();
            float[] data = new float[block.frames() * frameSize];
            for (int f = 0; f < block.frames(); f++) {
                PixelConversion.toFloat(reader.readFrame(block.firstFrame() + f), data, f * frameSize, frameSize);
            }
            if (reader.pixelType() == PixelType.F32) {
                TiffStacks.requireFinite(data, frameSize, reader.width(), file.toString());
            }
            return new ImageStack(block.frames(), reader.height(), reader.width(), data);
        }
    }

    private static String executor() {
        String host = MachineInfo.machine().host();
        SparkEnv env = SparkEnv.get();
        return env == null ? host : host + " executor " + env.executorId();
    }
}
