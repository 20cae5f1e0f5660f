package org.flowscope.methods.quality.live;

import java.util.ArrayList;
import java.util.List;
import org.flowscope.core.pipeline.ResultListener;
import org.flowscope.core.pipeline.WindowOperator;
import org.flowscope.methods.spi.LiveSetup;
import org.flowscope.methods.spi.LiveStage;
import picocli.CommandLine.Option;

/**
 * {@code live ... --quality [--every N]}: the sampled quality side branch (FRC of the window's even/odd frame means,
 * decorrelation of the reconstruction) on its own thread; see {@link QualityMonitor}.
 */
public final class QualityStage implements LiveStage {
    /** The options this extension adds to {@code live}. */
    public static final class Options {
        @Option(names = "--quality", description = "Measure FRC and decorrelation resolution on sampled windows, "
                + "on a side thread that never slows the reconstruction (busy samples are dropped and counted).")
        boolean enabled;

        @Option(names = "--every", paramLabel = "N", defaultValue = "10",
                description = "With --quality: analyse every N-th window (default 10).")
        int every;
    }

    private final Options options = new Options();
    private QualityMonitor monitor;

    @Override
    public String name() {
        return "quality";
    }

    @Override
    public Object options() {
        return options;
    }

    /** After the corrections: the even/odd split must see drift-corrected frames. */
    @Override
    public Position position() {
        return Position.MEASUREMENT;
    }

    @Override
    public List<WindowOperator> stagesBefore(LiveSetup setup) {
        QualityMonitor m = monitor(setup);
        return m == null ? List.of() : List.of(m.splitStage());
    }

    @Override
    public List<ResultListener> sideBranches(LiveSetup setup) {
        QualityMonitor m = monitor(setup);
        return m == null ? List.of() : new ArrayList<>(List.of(m.branch()));
    }

    private QualityMonitor monitor(LiveSetup setup) {
        if (!options.enabled) {
            return null;
        }
        if (monitor == null) {
            monitor = new QualityMonitor(options.every, setup.format().width(), setup.pixelSizeNm());
        }
        return monitor;
    }
}
