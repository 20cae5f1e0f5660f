package org.flowscope.spark;

import java.io.Serializable;
import java.nio.file.Path;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.Function;
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
import org.flowscope.methods.esrrf.EsrrfParams;

/**
 * One Spark task: reads a block's frames of one acquisition (only those: a task never loads the whole file) and runs
 * eSRRF on them through its executor's engine ({@link ExecutorEngines}), which picks the implementation for the
 * executor's hardware. The frames are converted to float32 exactly as {@code process} reads them, and a block holds
 * whole time points, so each output frame is computed from the same values by the same code as {@code process esrrf}.
 */
final class BlockTask implements Function<TimeBlocks.Block, BlockTask.Result> {
    private static final long serialVersionUID = 1L;

    /**
     * What a task sends back to the driver.
     *
     * @param data    the block's output frames, {@code (windows, height, width)} row-major
     * @param seconds the engine's compute time for the block
     */
    record Result(TimeBlocks.Block block, int height, int width, float[] data, String implementation, String device,
            double seconds, String executor) implements Serializable {
    }

    private final String input;
    private final EsrrfSettings esrrf;
    private final EngineSettings engine;

    BlockTask(Path input, EsrrfSettings esrrf, EngineSettings engine) {
        this.input = input.toString();
        this.esrrf = esrrf;
        this.engine = engine;
    }

    @Override
    public Result call(TimeBlocks.Block block) {
        ImageStack frames = read(Path.of(input), block);
        EsrrfParams params = esrrf.params();
        Esrrf op = new Esrrf();
        op.validate(params, frames);
        Engine e = ExecutorEngines.get(engine);
        Execution<ImageStack> ex = e.execute(op, params, frames, engine.selection());
        ImageStack out = ex.output();
        if (out.frames() != block.windows()) {
            throw new IllegalStateException("block " + block + " of " + input + " made " + out.frames()
                    + " frame(s), expected " + block.windows());
        }
        var choice = ex.decision().choice();
        return new Result(block, out.height(), out.width(), out.data(), choice.implementation(), choice.device().label(),
                ex.seconds(), executor());
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
