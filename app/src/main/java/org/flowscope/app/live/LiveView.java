package org.flowscope.app.live;

import java.util.Optional;
import java.util.function.Consumer;
import org.flowscope.app.live.status.LiveMonitor;
import org.flowscope.app.live.status.LiveSnapshot;
import org.flowscope.app.live.status.LiveStatusLine;
import org.flowscope.app.preview.LivePreview;
import org.flowscope.core.pipeline.Progress;

/**
 * What the microscopist sees of a live run: each progress tick becomes one {@link LiveSnapshot}, shown on the
 * status line and, with {@code --preview}, pushed to the preview page. Runs on the pipeline's progress thread.
 */
public final class LiveView implements Consumer<Progress> {
    private final LiveMonitor monitor;
    private final LiveStatusLine line;
    private final Optional<LivePreview> preview;

    public LiveView(LiveMonitor monitor, LiveStatusLine line, Optional<LivePreview> preview) {
        this.monitor = monitor;
        this.line = line;
        this.preview = preview;
    }

    @Override
    public void accept(Progress p) {
        LiveSnapshot s = monitor.snapshot(p);
        line.accept(s);
        preview.ifPresent(v -> v.publish(s));
    }

    /** Ctrl-C: says how many windows are left to analyse before the run ends. */
    public void stopping() {
        monitor.stopping();
        line.note("stopping: " + monitor.windowsLeft() + " window(s) left to analyse; the files are kept");
    }

    /** A second Ctrl-C: the analysis is given up, what was acquired and analysed is saved. */
    public void abandoning() {
        line.note("abandoning the analysis: saving the raw frames and the results written so far; Ctrl-C again to"
                + " quit at once");
    }

    /** The pipeline returned: the final line, and the final state to the preview. */
    public LiveSnapshot finish(Progress p) {
        monitor.done();
        LiveSnapshot s = monitor.snapshot(p);
        line.finish(s);
        preview.ifPresent(v -> v.publish(s));
        return s;
    }
}
