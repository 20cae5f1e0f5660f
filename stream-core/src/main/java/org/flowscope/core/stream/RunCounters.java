package org.flowscope.core.stream;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Named event counters of a run, tagged by stage: {@code <stage>.<event>} (e.g. {@code camera.lost},
 * {@code raw.frames}, {@code analysis.skipped}). Thread-safe and cheap to increment.
 *
 * <p>Names used by stream-core: {@code ingest.frames} (frames that entered the ring), {@code camera.lost}
 * (sequence gaps: frames the source itself lost), {@code ingest.outOfOrder}, {@code raw.frames} (frames written by the
 * raw sink), {@code windows.emitted}, {@code windows.trailingFrames}, {@code analysis.processed},
 * {@code analysis.skipped}, {@code analysis.skippedFrames}, {@code analysis.abandoned}, {@code raw.unsaved} (frames
 * that arrived after the raw file was committed because the source did not stop in time), {@code result.frames},
 * {@code <listener>.skipped}.
 */
public final class RunCounters {
    public static final String INGEST_FRAMES = "ingest.frames";
    public static final String CAMERA_LOST = "camera.lost";
    public static final String INGEST_OUT_OF_ORDER = "ingest.outOfOrder";
    public static final String RAW_FRAMES = "raw.frames";
    public static final String WINDOWS_EMITTED = "windows.emitted";
    public static final String WINDOWS_TRAILING_FRAMES = "windows.trailingFrames";
    public static final String ANALYSIS_PROCESSED = "analysis.processed";
    public static final String ANALYSIS_SKIPPED = "analysis.skipped";
    /** Frames a streaming analysis did not compute because every window containing them was skipped. */
    public static final String ANALYSIS_SKIPPED_FRAMES = "analysis.skippedFrames";
    /** Windows of acquired frames left unanalysed because the analysis was abandoned (a second Ctrl-C). */
    public static final String ANALYSIS_ABANDONED = "analysis.abandoned";
    public static final String RESULT_FRAMES = "result.frames";

    private final ConcurrentHashMap<String, LongAdder> counters = new ConcurrentHashMap<>();

    public void increment(String name) {
        add(name, 1);
    }

    public void add(String name, long delta) {
        counters.computeIfAbsent(name, k -> new LongAdder()).add(delta);
    }

    public long get(String name) {
        LongAdder a = counters.get(name);
        return a == null ? 0 : a.sum();
    }

    /** All counters, sorted by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new TreeMap<>();
        counters.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    /** Sum of every counter whose event is a loss: {@code *.skipped}, {@code *.dropped}, {@code camera.lost}. */
    public long drops() {
        long sum = 0;
        for (Map.Entry<String, Long> e : snapshot().entrySet()) {
            String k = e.getKey();
            if (k.endsWith(".skipped") || k.endsWith(".dropped") || k.equals(CAMERA_LOST)) {
                sum += e.getValue();
            }
        }
        return sum;
    }
}
