package org.flowscope.methods.registration;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.engine.spi.WorkShape;

/**
 * Channel registration as an engine operation: the frames of the input are channels, each registered to the
 * reference channel by a sub-pixel global translation plus an optional smooth local field
 * ({@link RegistrationEstimator}). Implementations differ only in how the cross-correlations run.
 */
public final class Registration implements Operation<RegistrationParams, ImageStack, RegistrationResult> {
    public static final String ID = "registration";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public WorkShape shape(RegistrationParams params, ImageStack channels) {
        Map<String, String> p = new TreeMap<>();
        p.put("blocksPerAxis", Integer.toString(params.blocksPerAxis()));
        return new WorkShape(ID, List.of(channels.frames(), channels.height(), channels.width()), "f32", new TreeMap<>(p));
    }

    @Override
    public double cost(RegistrationParams params, ImageStack channels) {
        double n = (double) channels.height() * channels.width();
        return channels.frames() * n * (1 + params.blocksPerAxis() * params.blocksPerAxis() / 4.0) * Math.log(n);
    }

    /** Both implementations run the same cross-correlation arithmetic per channel. */
    @Override
    public Tolerance tolerance() {
        return new Tolerance(1e-5, 1e-6);
    }

    /** The global shifts and similarities, channel by channel, for element-wise comparison. */
    public static float[] values(RegistrationResult r) {
        float[] out = new float[r.channels().size() * 3];
        for (int i = 0; i < r.channels().size(); i++) {
            ChannelShift c = r.channels().get(i);
            out[3 * i] = (float) c.dx();
            out[3 * i + 1] = (float) c.dy();
            out[3 * i + 2] = (float) c.similarity();
        }
        return out;
    }
}
