package org.flowscope.engine.history;

import java.nio.file.Path;
import java.time.Duration;
import org.flowscope.engine.fixtures.Keys;

/** A separate process for {@link JsonBenchmarkStoreTest}: writes n samples tagged with its writer id, then closes. */
public final class StoreWriterMain {
    private StoreWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int writer = Integer.parseInt(args[1]);
        int n = Integer.parseInt(args[2]);
        try (JsonBenchmarkStore store = new JsonBenchmarkStore(dir, 1000, Duration.ZERO)) {
            for (int i = 0; i < n; i++) {
                store.record(Keys.key("impl", Keys.CPU, 100), 1e4, new Sample(writer + i * 1e-6, System.currentTimeMillis(), false));
                if (i % 10 == 0) {
                    store.flush();
                }
                Thread.sleep(1);
            }
        }
    }
}
