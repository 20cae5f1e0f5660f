package org.flowscope.mmit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.flowscope.adapters.mm.MmInstallation;
import org.flowscope.app.FlowscopeCli;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.mmplugin.FrameSender;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Micro-Manager Studio (../shared/mm/studio, MMCore 12.5.0 of ../shared/mm/home12, DemoCamera) started
 * headless under Xvfb runs a 200-frame acquisition through AcqEngJ with the flowscope plugin in its processing
 * pipeline, into {@code flowscope serve} running in this JVM: every frame must arrive.
 *
 * <p>Studio runs in child JVMs (it is a process-wide singleton, needs a display and its own class path); the driver
 * is {@code src/test/resources/mmstudio/StudioDriver.java}, run as a single-file program.
 */
@Tag("mm-studio")
class StudioEndToEndTest {
    private static final int FRAMES = 200;

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    private static Path property(String name) {
        String value = System.getProperty(name);
        Assumptions.assumeTrue(value != null, "skipped: -D" + name + " is not set (the mm-it pom sets it)");
        return Path.of(value);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyFrameOfAStudioAcquisitionReachesFlowscopeServe() throws Exception {
        Path studio = property("flowscope.mm.studio");
        Path core = property("flowscope.mm.studio.core");
        Path lib = property("flowscope.mm.studio.lib");
        Assumptions.assumeTrue(Files.isRegularFile(studio.resolve("MMJ_.jar")) && Files.isDirectory(core),
                "skipped: no Micro-Manager Studio at " + studio.toAbsolutePath().normalize() + " (or no core at " + core
                        + "); the test fixtures of ../shared/mm are absent");
        Assumptions.assumeTrue(hasJars(lib), "skipped: Studio's dependencies are not in " + lib + " (the mm-it "
                + "profile mm-studio resolves them when ../shared/mm/studio exists)");
        Path awt = Path.of(System.getProperty("java.home"), "lib", "libawt_xawt.so");
        Assumptions.assumeTrue(Files.exists(awt), "skipped: this JDK cannot open windows (no " + awt
                + "; a headless JDK: install the full JRE, e.g. Debian's openjdk-17-jre)");
        Path xvfb = onPath("Xvfb");
        Assumptions.assumeTrue(xvfb != null, "skipped: Xvfb not found on PATH (Debian package xvfb)");
        try {
            run(studio, core, lib, xvfb);
        } finally {
            for (Process p : started) {
                p.destroyForcibly();
            }
        }
    }

    private void run(Path studio, Path core, Path lib, Path xvfb) throws Exception {
        Path work = Files.createDirectories(dir.resolve("studio"));
        pluginJar(Files.createDirectories(work.resolve("mmplugins")).resolve("flowscope-mm-plugin.jar"));
        Path driver = work.resolve("StudioDriver.java");
        try (InputStream in = getClass().getResourceAsStream("/mmstudio/StudioDriver.java")) {
            Files.copy(in, driver);
        }
        String display = startXvfb(xvfb);
        int port = freePort();
        Path out = dir.resolve("serve");
        StringWriter serveOut = new StringWriter();
        StringWriter serveErr = new StringWriter();
        CompletableFuture<Integer> serve = CompletableFuture.supplyAsync(() -> FlowscopeCli.execute(new String[] {
                "serve", "--port", Integer.toString(port), "--op", "average", "--window", "10", "--out", out.toString(),
                "--save-raw", "--exit-on-end", "--no-history"},
                new PrintWriter(serveOut, true), new PrintWriter(serveErr, true)));

        List<String> java = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        java.addAll(List.of(Files.readString(studio.resolve("jvm-opens.txt")).trim().split("\\s+")));
        java.addAll(List.of("-Djava.awt.headless=false", "-Dmmcorej.library.path=" + core.toAbsolutePath(), "-cp",
                String.join(File.pathSeparator, studio.resolve("MMJ_.jar").toAbsolutePath().toString(),
                        MmInstallation.locate(core).jar().toAbsolutePath().toString(), lib.toAbsolutePath() + File.separator + "*"),
                driver.toString()));
        Path prepareLog = work.resolve("prepare.log");
        Process prepare = child(java, List.of("prepare", studio.resolve("MMConfig_dcam.cfg").toAbsolutePath().toString()),
                work, display, prepareLog);
        assertTrue(prepare.waitFor(60, TimeUnit.SECONDS), "prepare did not finish: " + Files.readString(prepareLog));
        assertEquals(0, prepare.exitValue(), Files.readString(prepareLog));

        Path runLog = work.resolve("run.log");
        Process acquisition = child(java, List.of("run", Integer.toString(port), Integer.toString(FRAMES), "5"), work,
                display, runLog);
        int serveExit;
        try {
            serveExit = serve.get(90, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("serve did not finish; Studio said:\n" + Files.readString(runLog), e);
        }
        acquisition.getOutputStream().close();
        assertTrue(acquisition.waitFor(20, TimeUnit.SECONDS), "Studio did not exit:\n" + Files.readString(runLog));
        String studioLog = Files.readString(runLog);
        studioLog.lines().filter(l -> l.startsWith("DRIVER")).forEach(System.out::println);
        String report = "serve exit " + serveExit + "\n" + serveOut + serveErr + "\n--- Studio\n" + tail(studioLog);
        assertEquals(0, acquisition.exitValue(), report);
        assertTrue(studioLog.contains("DRIVER acquired " + FRAMES + " images"), report);
        assertEquals(0, serveExit, report);

        JsonNode run = new ObjectMapper().readTree(Files.readString(out.resolve("run.json")));
        assertEquals(FRAMES, run.get("frames").asLong(), report);
        assertEquals(0, run.get("counters").path("camera.lost").asLong(), report);
        assertEquals(FRAMES, run.get("serve").get("framesAccepted").asLong(), report);
        var raw = TiffStacks.read(out.resolve("raw.tif")).stack();
        assertEquals(FRAMES, raw.frames());
        assertEquals(128, raw.width());
        assertEquals(FRAMES / 10, TiffStacks.read(out.resolve("result.tif")).stack().frames());
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : raw.data()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertTrue(max > min, "DemoCamera's pattern, not blank frames: " + min + ".." + max);
    }

    /** The plugin as Micro-Manager finds it: a jar in mmplugins/ (built here when the classes are a directory). */
    private static void pluginJar(Path target) throws Exception {
        // FrameSender, not the plugin class: that one needs the Studio API to load
        Path classes = Path.of(FrameSender.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(classes)) {
            Files.copy(classes, target);
            return;
        }
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(target));
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                jar.write(Files.readAllBytes(f));
                jar.closeEntry();
            }
        }
    }

    /** Starts Xvfb on a free display ({@code -displayfd} prints the number it took) and returns ":N". */
    private String startXvfb(Path xvfb) throws IOException {
        Process x = new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-screen", "0", "1280x1024x24",
                "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        started.add(x);
        BufferedReader in = new BufferedReader(new InputStreamReader(x.getInputStream(), StandardCharsets.US_ASCII));
        String number = in.readLine();
        assertTrue(number != null && number.trim().matches("\\d+"), "Xvfb did not report its display: " + number);
        return ":" + number.trim();
    }

    private Process child(List<String> java, List<String> args, Path work, String display, Path log) throws IOException {
        List<String> command = new ArrayList<>(java);
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Studio keeps its user profiles under $XDG_CONFIG_HOME (or $HOME/.config): a scratch one per test
        pb.environment().put("HOME", work.toString());
        pb.environment().put("XDG_CONFIG_HOME", work.resolve(".config").toString());
        pb.environment().put("DISPLAY", display);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private static boolean hasJars(Path lib) throws IOException {
        if (!Files.isDirectory(lib)) {
            return false;
        }
        try (Stream<Path> files = Files.list(lib)) {
            return files.anyMatch(f -> f.toString().endsWith(".jar"));
        }
    }

    private static Path onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String tail(String text) {
        return text.length() <= 6000 ? text : "..." + text.substring(text.length() - 6000);
    }
}
