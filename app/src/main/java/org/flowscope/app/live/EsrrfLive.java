package org.flowscope.app.live;

import java.util.Map;
import org.flowscope.app.process.EsrrfOptions;
import org.flowscope.methods.esrrf.EsrrfWindowOperator;

/**
 * {@code --op esrrf}: one eSRRF frame per window, with {@code process esrrf}'s options. The stage runs on the live
 * command's engine (history as {@code --store} / {@code --no-history} say), whose agent chooses the implementation
 * for every window unless {@code --backend} forces one.
 */
public final class EsrrfLive implements LiveExtension {
    /** The eSRRF options of {@code process esrrf}; the engine comes from the live command. */
    public static final class Options extends EsrrfOptions {
    }

    private final Options options = new Options();

    @Override
    public String name() {
        return "esrrf";
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public Map<String, OperatorFactory> operators() {
        return Map.of("esrrf", setup -> {
            var params = options.params(0);
            var runOptions = options.runOptions();
            return new EsrrfWindowOperator(setup.engine(), params, runOptions, setup.window(),
                    setup.step());
        });
    }
}
