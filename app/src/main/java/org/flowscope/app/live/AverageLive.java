package org.flowscope.app.live;

import java.util.Map;
import org.flowscope.core.pipeline.Average;

/** {@code --op average}: temporal mean of each window. */
public final class AverageLive implements LiveExtension {
    @Override
    public String name() {
        return "average";
    }

    @Override
    public Map<String, OperatorFactory> operators() {
        return Map.of("average", setup -> new Average());
    }
}
