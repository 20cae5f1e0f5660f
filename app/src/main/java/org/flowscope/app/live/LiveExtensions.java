package org.flowscope.app.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The list of {@link LiveExtension}s: append one line per extension. */
public final class LiveExtensions {
    private LiveExtensions() {
    }

    /** Fresh instances, in pipeline order (their stagesBefore run in this order). */
    public static List<LiveExtension> create() {
        List<LiveExtension> all = new ArrayList<>();
        all.add(new AverageLive());
        all.add(new EsrrfLive());
        all.add(new QualityLive());
        all.add(new DriftLive());
        all.add(new MmLive());
        all.add(new ServeLive());
        return all;
    }

    /** {@code --op} name → factory over {@code extensions}; duplicate names are a programming error. */
    public static Map<String, OperatorFactory> operators(List<LiveExtension> extensions) {
        Map<String, OperatorFactory> ops = new LinkedHashMap<>();
        for (LiveExtension e : extensions) {
            e.operators().forEach((name, f) -> {
                if (ops.putIfAbsent(name, f) != null) {
                    throw new IllegalStateException("two live extensions define --op " + name);
                }
            });
        }
        return ops;
    }
}
