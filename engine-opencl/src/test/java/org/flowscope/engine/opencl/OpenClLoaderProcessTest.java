package org.flowscope.engine.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.flowscope.engine.natives.LibrarySearch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenCL loader situations a user's machine can be in, each in a child JVM whose view of the system libraries is
 * changed: the development symlink missing (only {@code libOpenCL.so.1}), no loader at all, and a loader without any
 * driver. The library directories are changed in a private mount namespace ({@code unshare -m}, an overlay with the
 * files removed); where that is not permitted those cases skip with the reason. Every run must print nothing.
 */
class OpenClLoaderProcessTest {
    @TempDir
    Path tmp;

    @Test
    void withOnlyTheVersionedLoaderOpenClStillRunsKernelsAndPrintsNothing() throws Exception {
        Properties r = runHiding("libOpenCL.so");
        assertEquals("ALIAS", r.getProperty("route"), "the child saw only libOpenCL.so.1");
        assertEquals("[3.0, 6.0]", r.getProperty("cpu"));
        assertTrue(Integer.parseInt(r.getProperty("devices")) > 0, "no OpenCL device through the aliased loader: " + r.getProperty("reason"));
        assertEquals("[2.0, 4.0, 6.0]", r.getProperty("opencl"));
    }

    @Test
    void withoutAnyLoaderACpuRunWorksAndTheReasonSaysWhatToInstall() throws Exception {
        Properties r = runHiding("libOpenCL.so*");
        assertEquals("MISSING", r.getProperty("route"));
        assertEquals("[3.0, 6.0]", r.getProperty("cpu"));
        assertEquals("0", r.getProperty("devices"));
        assertTrue(r.getProperty("reason").startsWith("no OpenCL loader: libOpenCL.so not found, libOpenCL.so.1 not found"),
                r.getProperty("reason"));
        assertEquals(OpenClLibrary.INSTALL_LOADER, r.getProperty("remedy"));
    }

    @Test
    void aLoaderWithoutAnyDriverIsReportedWithTheDriverToInstall() throws Exception {
        Assumptions.assumeTrue(LibrarySearch.ofThisProcess().find(OpenClLibrary.VERSIONED).found().isPresent(),
                "skipped: no OpenCL loader on this machine");
        Path noVendors = Files.createDirectories(tmp.resolve("vendors"));
        Properties r = run(List.of(), Map.of("OCL_ICD_VENDORS", noVendors.toString()));
        assertEquals("[3.0, 6.0]", r.getProperty("cpu"));
        assertEquals("0", r.getProperty("devices"));
        assertTrue(r.getProperty("reason").contains("finds no OpenCL platform"), r.getProperty("reason"));
        assertEquals(OpenClLibrary.INSTALL_DRIVER, r.getProperty("remedy"));
    }

    /** Runs the probe with {@code pattern} removed from every directory the linker would find an OpenCL loader in. */
    private Properties runHiding(String pattern) throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "skipped: Linux only");
        LibrarySearch search = LibrarySearch.ofThisProcess();
        Set<Path> dirs = new LinkedHashSet<>();
        for (String name : List.of(OpenClLibrary.UNVERSIONED, OpenClLibrary.VERSIONED)) {
            var found = search.find(name).found();
            if (found.isPresent()) {
                dirs.add(found.get().getParent().toRealPath());
            }
        }
        Assumptions.assumeFalse(dirs.isEmpty(), "skipped: no OpenCL loader on this machine to hide");
        StringBuilder script = new StringBuilder("set -e\n");
        int i = 0;
        for (Path dir : dirs) {
            Path layer = Files.createDirectories(tmp.resolve("layer" + i++));
            script.append(String.format("mkdir -p %1$s/up %1$s/work %1$s/merged%n", layer))
                    .append(String.format("mount -t overlay overlay -o lowerdir=%s,upperdir=%2$s/up,workdir=%2$s/work %2$s/merged%n", dir, layer))
                    .append(String.format("(cd %s/merged && rm -f %s)%n", layer, pattern))
                    .append(String.format("mount --bind %s/merged %s%n", layer, dir));
        }
        script.append("exec \"$@\"\n");
        Process probe = new ProcessBuilder("unshare", "-m", "sh", "-c", "mount --make-rprivate / && echo ok").redirectErrorStream(true).start();
        String probeOut = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        Assumptions.assumeTrue(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0,
                () -> "skipped: private mount namespaces are not permitted here (unshare -m: " + probeOut + ")");
        return run(List.of("unshare", "-m", "sh", "-c", script.toString(), "sh"), Map.of());
    }

    private Properties run(List<String> prefix, Map<String, String> env) throws IOException, InterruptedException {
        Path report = tmp.resolve("report-" + System.nanoTime() + ".properties");
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                OpenClProbeMain.class.getName(), report.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("stdout.txt").toFile())
                .redirectError(tmp.resolve("stderr.txt").toFile());
        // the surefire fork preloads libjsig (see the root pom); a user's CPU-only run does not
        pb.environment().remove("LD_PRELOAD");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe JVM did not finish in 120 s");
        String stdout = Files.readString(tmp.resolve("stdout.txt"));
        String stderr = Files.readString(tmp.resolve("stderr.txt"));
        assertEquals(0, p.exitValue(), "probe failed; stderr: " + stderr);
        assertEquals("", stdout, "nothing may be printed on stdout");
        assertEquals("", stderr, "nothing may be printed on stderr");
        Properties r = new Properties();
        try (InputStream in = Files.newInputStream(report)) {
            r.load(in);
        }
        return r;
    }
}
