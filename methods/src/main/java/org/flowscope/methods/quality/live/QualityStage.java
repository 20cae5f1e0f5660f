package org.flowscope.methods.quality.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flowscope.core.pipeline.ResultListener;
import org.flowscope.core.pipeline.RunSummary;
import org.flowscope.core.pipeline.WindowOperator;
import org.flowscope.methods.spi.LiveSetup;
import org.flowscope.methods.spi.LiveStage;
import picocli.CommandLine.Option;

/**
 * {@code live ... --quality [--every N]}: the sampled quality side branch (FRC of the window's even/odd frame means,
 * decorrelation of the reconstruction) on its own thread, computed through the run's engine (GPU implementations
 * when a device is there); see {@link QualityMonitor}. A failed sample ends the command with exit code 4 unless
 * {@code --tolerate-quality-failures}.
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

        @Option(names = "--quality-timeout", paramLabel = "S", defaultValue = "30",
                description = "With --quality: seconds a sample still running when the source ends may take before it "
                        + "is cancelled (and counted as cancelled); default 30.")
        double timeoutSeconds;

        @Option(names = "--tolerate-quality-failures", description = "With --quality: exit 0 even when quality samples "
                + "failed (they are still counted in run.json and reported).")
        boolean tolerateFailures;
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

    @Override
    public Optional<String> failure(RunSummary summary) {
        if (monitor == null || options.tolerateFailures) {
            return Optional.empty();
        }
        return monitor.failure().map(f -> f + " (--tolerate-quality-failures to accept)");
    }

    @Override
    public List<String> warnings(RunSummary summary) {
        List<String> w = new ArrayList<>();
        if (monitor != null) {
            if (options.tolerateFailures) {
                monitor.failure().ifPresent(w::add);
            }
            monitor.cancellation().ifPresent(w::add);
        }
        return w;
    }

    private QualityMonitor monitor(LiveSetup setup) {
        if (!options.enabled) {
            return null;
        }
        if (!(options.timeoutSeconds >= 0) || Double.isInfinite(options.timeoutSeconds)) {
            throw new IllegalArgumentException("--quality-timeout must be a number of seconds >= 0, got " + options.timeoutSeconds);
        }
        if (monitor == null) {
            monitor = new QualityMonitor(options.every, setup.format().width(), setup.pixelSizeNm(),
                    QualityMetrics.on(setup.engine()), Math.round(options.timeoutSeconds * 1000));
        }
        return monitor;
    }
}
