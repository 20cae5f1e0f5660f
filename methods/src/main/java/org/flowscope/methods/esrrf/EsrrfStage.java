package org.flowscope.methods.esrrf;

import java.util.Optional;
import org.flowscope.core.pipeline.WindowOperator;
import org.flowscope.methods.spi.LiveSetup;
import org.flowscope.methods.spi.LiveStage;

/**
 * {@code live --op esrrf}: one eSRRF frame per window, with {@code process esrrf}'s options. The stage runs on the
 * live command's engine, whose agent chooses the implementation for every window unless {@code --backend} or
 * {@code --implementation} narrows the choice.
 */
public final class EsrrfStage implements LiveStage {
    private final EsrrfLiveOptions options = new EsrrfLiveOptions();

    @Override
    public String name() {
        return "esrrf";
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
        return Optional.of(new EsrrfWindowOperator(setup.engine(), options.esrrf.params(0), setup.selection(),
                setup.window(), setup.step(), options.spread()));
    }
}
