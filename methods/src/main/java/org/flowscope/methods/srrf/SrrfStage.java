package org.flowscope.methods.srrf;

import java.util.Optional;
import org.flowscope.core.pipeline.WindowOperator;
import org.flowscope.methods.spi.LiveSetup;
import org.flowscope.methods.spi.LiveStage;

/**
 * {@code live --op srrf}: one SRRF frame per window, with {@code process srrf}'s options prefixed {@code --srrf-}
 * ({@link SrrfLiveOptions}). The stage runs on the live command's engine, whose agent chooses the implementation for
 * every window unless {@code --backend} or {@code --implementation} narrows the choice.
 */
public final class SrrfStage implements LiveStage {
    private final SrrfLiveOptions options = new SrrfLiveOptions();

    @Override
    public String name() {
        return "srrf";
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public boolean offersOperator() {
        return true;
    }

    @Override
    public Optional<WindowOperator> operator(LiveSetup setup) {
        return Optional.of(new SrrfWindowOperator(setup.engine(), options.params(), setup.selection(), setup.window()));
    }
}
