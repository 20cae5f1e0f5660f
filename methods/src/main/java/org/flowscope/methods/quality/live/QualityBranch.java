package org.flowscope.methods.quality.live;

import java.util.Map;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.ResultListener;
import org.flowscope.core.pipeline.WindowContext;

/**
 * The result side of the live quality branch: hands sampled reconstructions to the {@link QualityMonitor}'s own
 * thread (returning at once) and reports the run.json section {@code quality} and the progress fields.
 */
public final class QualityBranch implements ResultListener {
    private final QualityMonitor monitor;

    QualityBranch(QualityMonitor monitor) {
        this.monitor = monitor;
    }

    /** Never throws: whatever goes wrong is counted by the monitor as a failed sample. */
    @Override
    public void onResult(ImageStack result, WindowContext context) {
        monitor.onResult(context.index(), result);
    }

    /** Waits for the sample in progress at most the monitor's finish timeout, then cancels it. */
    @Override
    public void onComplete() {
        monitor.finish();
    }

    @Override
    public String section() {
        return "quality";
    }

    @Override
    public QualitySection runJsonSection() {
        return monitor.report();
    }

    @Override
    public Map<String, String> progressFields() {
        return monitor.progressFields();
    }

    @Override
    public Map<String, Double> progressValues() {
        return monitor.progressValues();
    }
}
