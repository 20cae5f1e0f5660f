package org.flowscope.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The workload the {@code flowscope} launcher records a class-data-sharing archive from
 * ({@code java -XX:ArchiveClassesAtExit=...}): it runs the common commands once, in this JVM, on a tiny simulated
 * stack in a temporary directory, so that the archive holds the classes they load and later runs map those classes
 * instead of loading and verifying them again (start-up is most of a small job's time). Output is discarded, the
 * history is kept in the temporary directory (the user's is not touched), no GPU backend is probed, and a command
 * that fails only makes the archive smaller.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path dir = Files.createTempDirectory("flowscope-cds");
        try (PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream())) {
            String stack = dir.resolve("stack.tif").toString();
            String store = dir.resolve("history").toString();
            run(sink, "--version");
            run(sink, "--help");
            run(sink, "process", "--help");
            run(sink, "simulate", "--frames", "12", "--size", "24x24", "--out", stack, "--seed", "1");
            run(sink, "process", "esrrf", "--input", stack, "--output", dir.resolve("esrrf.tif").toString(),
                    "--backend", "cpu", "--store", store);
            run(sink, "process", "esrrf", "--json", "--input", stack, "--output", dir.resolve("esrrf2.tif").toString(),
                    "--backend", "cpu", "--no-history");
            run(sink, "engine", "history", "--store", store);
            run(sink, "process", "average", "--input", stack, "--output", dir.resolve("average.tif").toString());
            run(sink, "live", "--source", "sim:size=24x24", "--frames", "40", "--fps", "0", "--window", "10",
                    "--op", "esrrf", "--backend", "cpu", "--no-history", "--drift", "--quality", "--every", "1",
                    "--out", dir.resolve("live").toString());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(PrintWriter sink, String... args) {
        try {
            FlowscopeCli.execute(args, sink, sink);
        } catch (RuntimeException | Error e) {
            // training only collects classes; a command that cannot run here is simply left out
        }
    }
}
