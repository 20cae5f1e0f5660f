package org.flowscope.engine.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowscope.engine.history.AtomicJsonFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delay states kept between engines in {@code <dir>/delay-state.json} (same locking and atomic replacement as the
 * history). On save, the keys this engine knows replace those on disk; others' keys are kept.
 */
public final class DelayStateFile {
    private static final Logger LOG = LoggerFactory.getLogger(DelayStateFile.class);

    /** One persisted state. */
    public record Entry(DelayKey key, DelayState state) {
    }

    /** The document. */
    public record Document(int format, List<Entry> states) {
        public Document {
            states = states == null ? List.of() : List.copyOf(states);
        }
    }

    private final AtomicJsonFile<Document> file;

    public DelayStateFile(Path dir) {
        this.file = new AtomicJsonFile<>(dir.resolve("delay-state.json"), Document.class, () -> new Document(1, List.of()));
    }

    public Map<DelayKey, DelayState> load() {
        Map<DelayKey, DelayState> out = new HashMap<>();
        try {
            file.read().states().forEach(e -> out.put(e.key(), e.state()));
        } catch (IOException e) {
            LOG.warn("cannot read delay states {}: {}", file.path(), e.toString());
        }
        return out;
    }

    /**
     * @param known   keys this engine observed (their absence from {@code current} means "no delay")
     * @param current this engine's delayed keys
     */
    public void save(java.util.Set<DelayKey> known, Map<DelayKey, DelayState> current) {
        try {
            file.update(doc -> {
                List<Entry> merged = new ArrayList<>();
                for (Entry e : doc.states()) {
                    if (!known.contains(e.key()) && !current.containsKey(e.key())) {
                        merged.add(e);
                    }
                }
                current.forEach((k, v) -> merged.add(new Entry(k, v)));
                return new Document(1, merged);
            });
        } catch (IOException e) {
            LOG.warn("cannot write delay states {}: {}", file.path(), e.toString());
        }
    }
}
