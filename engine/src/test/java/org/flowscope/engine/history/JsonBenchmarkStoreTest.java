package org.flowscope.engine.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flowscope.engine.fixtures.Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonBenchmarkStoreTest {
    @TempDir
    Path dir;

    private static Sample s(double seconds, long at) {
        return new Sample(seconds, at, false);
    }

    @Test
    void recordsSurviveReopening() {
        var key = Keys.key("a", Keys.GPU, 512);
        try (var store = new JsonBenchmarkStore(dir, 100, Duration.ofHours(1))) {
            store.record(key, 2.1e7, s(0.5, 1));
            store.record(key, 2.1e7, s(0.25, 2));
        }
        try (var store = new JsonBenchmarkStore(dir, 100, Duration.ofHours(1))) {
            assertEquals(List.of(s(0.5, 1), s(0.25, 2)), store.window(key));
            assertEquals(2.1e7, store.histories("conv2d").get(0).cost());
        }
    }

    @Test
    void warmUpsAndFailuresSurviveReopeningApartFromTheRunTimes() {
        var key = Keys.key("a", Keys.GPU, 512);
        try (var store = new JsonBenchmarkStore(dir, 100, Duration.ofHours(1))) {
            store.recordWarmup(key, 2.1e7, s(1.8, 1));
            store.record(key, 2.1e7, s(0.2, 2));
            store.failures().failed(new FailureRecord.Key("conv2d", "a", Keys.GPU), FailureKind.DEVICE_LOST, "lost", 10);
        }
        try (var store = new JsonBenchmarkStore(dir, 100, Duration.ofHours(1))) {
            assertEquals(List.of(s(0.2, 2)), store.window(key));
            assertEquals(List.of(s(1.8, 1)), store.warmups(key));
            FailureRecord f = store.failures().current().get(0);
            assertEquals(FailureKind.DEVICE_LOST, f.kind());
            assertEquals("lost", f.error());
            assertEquals(10 + BackOff.millis(FailureKind.DEVICE_LOST, 1), f.retryAfterMillis());
            store.failures().succeeded("conv2d", "a", Keys.GPU, 20);
            assertTrue(store.failures().current().isEmpty());
        }
        try (var store = new JsonBenchmarkStore(dir, 100, Duration.ofHours(1))) {
            assertTrue(store.failures().current().isEmpty(), "the end of the streak is persisted too");
        }
    }

    @Test
    void failuresFromTwoProcessesMergeKeepingTheNewestStateOfEachStreak() {
        try (var a = new JsonBenchmarkStore(dir, 100, Duration.ofHours(1));
             var b = new JsonBenchmarkStore(dir, 100, Duration.ofHours(1))) {
            a.failures().failed(new FailureRecord.Key("conv2d", "x", Keys.GPU), FailureKind.FAULT, "x failed", 100);
            b.failures().failed(new FailureRecord.Key("conv2d", "y", Keys.GPU), FailureKind.OUT_OF_MEMORY, "y failed", 200);
            a.flush();
            b.flush();
            a.record(Keys.key("x", Keys.GPU, 64), 1, s(0.1, 300));
            a.flush();
            assertEquals(2, a.failures().current().size(), "a process learns the other's failures at its next write");
        }
        try (var next = new JsonBenchmarkStore(dir, 100, Duration.ofHours(1))) {
            assertEquals(2, next.failures().current().size());
        }
    }

    @Test
    void keepsABoundedWindowOfTheNewestSamples() {
        var key = Keys.key("a", Keys.CPU, 64);
        try (var store = new JsonBenchmarkStore(dir, 60, Duration.ofHours(1))) {
            for (int i = 0; i < 150; i++) {
                store.record(key, 1, s(i, i));
            }
            assertEquals(60, store.window(key).size());
            assertEquals(90.0, store.window(key).get(0).seconds());
        }
        try (var store = new JsonBenchmarkStore(dir, 60, Duration.ofHours(1))) {
            assertEquals(60, store.window(key).size());
            assertEquals(149.0, store.window(key).get(59).seconds());
        }
    }

    @Test
    void keysOfOtherDevicesOrShapesAreSeparateHistories() {
        try (var store = new JsonBenchmarkStore(dir, 60, Duration.ofHours(1))) {
            store.record(Keys.key("a", Keys.CPU, 64), 1, s(1, 1));
            store.record(Keys.key("a", Keys.GPU, 64), 1, s(2, 1));
            store.record(Keys.key("a", Keys.GPU, 65), 1, s(3, 1));
            assertEquals(3, store.histories("conv2d").size());
            assertEquals(List.of(s(2, 1)), store.window(Keys.key("a", Keys.GPU, 64)));
        }
    }

    @Test
    void corruptFileIsKeptAsBackupAndHistoryStartsAfresh() throws Exception {
        Path file = dir.resolve("benchmarks.json");
        Files.writeString(file, "{\"format\":1,\"histories\":[{\"key\":{\"operation\":\"conv2d\",\"impl");
        var key = Keys.key("a", Keys.CPU, 64);
        try (var store = new JsonBenchmarkStore(dir, 60, Duration.ofHours(1))) {
            assertTrue(store.histories(null).isEmpty());
            store.record(key, 1, s(1, 1));
        }
        List<Path> backups;
        try (Stream<Path> files = Files.list(dir)) {
            backups = files.filter(p -> p.getFileName().toString().startsWith("benchmarks.json.corrupt-")).toList();
        }
        assertEquals(1, backups.size());
        assertTrue(Files.readString(backups.get(0)).endsWith("\"impl"));
        try (var store = new JsonBenchmarkStore(dir, 60, Duration.ofHours(1))) {
            assertEquals(List.of(s(1, 1)), store.window(key));
        }
    }

    @Test
    void throttledWritesStillPersistEverythingOnClose() throws Exception {
        var key = Keys.key("a", Keys.CPU, 64);
        try (var store = new JsonBenchmarkStore(dir, 60, Duration.ofHours(1))) {
            store.record(key, 1, s(1, 1));
            store.record(key, 1, s(2, 2));
            assertTrue(!Files.exists(dir.resolve("benchmarks.json")), "no write before the interval or close");
        }
        assertTrue(Files.readString(dir.resolve("benchmarks.json")).contains("\"seconds\":2.0"));
    }

    @Test
    void fourStoresWritingAtOnceLoseNoRecords() throws Exception {
        var key = Keys.key("shared", Keys.CPU, 64);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    try (var store = new JsonBenchmarkStore(dir, 1000, Duration.ZERO)) {
                        for (int i = 0; i < 50; i++) {
                            store.record(key, 1, s(writer * 1000 + i, System.currentTimeMillis()));
                            if (i % 7 == 0) {
                                store.flush();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        try (var store = new JsonBenchmarkStore(dir, 1000, Duration.ofHours(1))) {
            assertEquals(200, store.window(key).stream().mapToDouble(Sample::seconds).distinct().count());
        }
    }

    @Test
    void fourProcessesWritingAtOnceLoseNoRecords() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int w = 1; w <= 4; w++) {
            processes.add(new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                    StoreWriterMain.class.getName(), dir.toString(), String.valueOf(w), "40")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("writer" + w + ".log").toFile()).start());
        }
        for (Process p : processes) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "writer process did not finish");
            assertEquals(0, p.exitValue(), () -> "writer failed: " + readLogs());
        }
        try (var store = new JsonBenchmarkStore(dir, 1000, Duration.ofHours(1))) {
            List<Sample> all = store.window(Keys.key("impl", Keys.CPU, 100));
            assertEquals(160, all.size(), () -> "records lost; logs: " + readLogs());
            for (int w = 1; w <= 4; w++) {
                int writer = w;
                assertEquals(40, all.stream().filter(x -> (int) Math.floor(x.seconds()) == writer).count());
            }
        }
    }

    private String readLogs() {
        StringBuilder sb = new StringBuilder();
        for (File f : dir.toFile().listFiles((d, n) -> n.endsWith(".log"))) {
            try {
                sb.append(Files.readString(f.toPath()));
            } catch (java.io.IOException e) {
                sb.append(e);
            }
        }
        return sb.toString();
    }
}
