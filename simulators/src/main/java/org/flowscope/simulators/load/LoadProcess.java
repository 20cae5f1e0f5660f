package org.flowscope.simulators.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running {@link LoadGeneratorMain} child process, started with this JVM's executable and class path.
 * {@link #close()} asks it to stop, then kills it if it does not; a JVM shutdown hook does the same if the parent
 * exits first, and the child also stops when its standard input closes.
 */
public final class LoadProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LoadProcess.class);

    private final Process process;
    private final String description;
    private final Thread hook;
    private boolean closed;

    private LoadProcess(Process process, String description) {
        this.process = process;
        this.description = description;
        this.hook = new Thread(process::destroyForcibly, "load-process-reaper");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts the generator and waits until it reports that the load runs.
     *
     * @param args       {@link LoadGeneratorMain} arguments, e.g. {@code --target cuda --contexts 4}
     * @param readyLimit how long to wait for {@code READY}
     * @throws IllegalStateException when it fails to start, with its message
     */
    public static LoadProcess start(List<String> args, Duration readyLimit) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(LoadGeneratorMain.class.getName());
        cmd.addAll(args);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the load generator: " + e.getMessage(), e);
        }
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return r.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = first.get(readyLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            p.destroyForcibly();
            throw new IllegalStateException("load generator did not report READY within " + readyLimit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted while starting the load generator");
        }
        if (line == null || !line.startsWith("READY")) {
            p.destroyForcibly();
            throw new IllegalStateException("load generator failed: " + (line == null ? "no output" : line));
        }
        Thread drain = new Thread(() -> {
            try {
                while (r.readLine() != null) {
                    // keep the pipe from filling
                }
            } catch (IOException e) {
                // process ended
            }
        }, "load-process-drain");
        drain.setDaemon(true);
        drain.start();
        String desc = line.substring("READY".length()).trim();
        LOG.info("load generator running (pid {}): {}", p.pid(), desc);
        return new LoadProcess(p, desc);
    }

    public String description() {
        return description;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            OutputStream in = process.getOutputStream();
            in.write("stop\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            in.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                LOG.warn("load generator {} did not stop in 15 s; killing it", process.pid());
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // JVM is shutting down; the hook runs anyway
        }
    }
}
