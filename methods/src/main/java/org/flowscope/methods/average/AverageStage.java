package org.flowscope.methods.average;

import java.util.Optional;
import org.flowscope.core.pipeline.WindowOperator;
import org.flowscope.methods.spi.LiveSetup;
import org.flowscope.methods.spi.LiveStage;

/** {@code live --op average}: the temporal mean of each window, one frame per window. */
public final class AverageStage implements LiveStage {
    @Override
    public String name() {
        return "average";
    }

    @Override
    public boolean offersOperator() {
        return true;
    }

    @Override
    public Optional<WindowOperator> operator(LiveSetup setup) {
        return Optional.of(new AverageWindow());
    }
}
