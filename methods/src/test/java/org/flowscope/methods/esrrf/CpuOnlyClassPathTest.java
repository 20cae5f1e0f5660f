package org.flowscope.methods.esrrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.cuda.CudaDevice;
import org.flowscope.engine.opencl.OpenClDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application can embed the engine, the methods and stream-core without JOCL, JCuda or the backend modules
 * (they are optional dependencies of {@code methods}): a child JVM on exactly that class path runs eSRRF on the CPU,
 * matches the reference, lists the GPU implementations as not loaded, and prints nothing.
 */
class CpuOnlyClassPathTest {
    @TempDir
    Path tmp;

    @Test
    void esrrfRunsOnTheCpuWithoutGpuBindingsAndPrintsNothing() throws Exception {
        Path logConfig = Files.writeString(tmp.resolve("logback.xml"), "<configuration><appender name=\"E\" "
                + "class=\"ch.qos.logback.core.ConsoleAppender\"><target>System.err</target><encoder><pattern>%level %logger %msg%n"
                + "</pattern></encoder></appender><root level=\"WARN\"><appender-ref ref=\"E\"/></root></configuration>");
        Child run = run("-Dlogback.configurationFile=" + logConfig);
        assertEquals("", run.stdout, "nothing on stdout");
        assertEquals("", run.stderr, "nothing on stderr");
        Properties r = run.report;
        assertEquals("false", r.getProperty("present.org.jocl.CL"), "the class path really lacks JOCL");
        assertEquals("false", r.getProperty("present.jcuda.driver.JCudaDriver"));
        assertEquals("false", r.getProperty("present.org.flowscope.engine.opencl.OpenClDevice"));
        assertEquals("false", r.getProperty("present.org.flowscope.engine.cuda.CudaDevice"));
        assertTrue(r.getProperty("backend.OPENCL").startsWith("0|OpenCL backend not on the class path|"), r.getProperty("backend.OPENCL"));
        assertTrue(r.getProperty("backend.CUDA").startsWith("0|CUDA backend not on the class path|"), r.getProperty("backend.CUDA"));
        assertEquals("esrrf.cpu,esrrf.cpu-threaded", r.getProperty("implementations"));
        String problems = r.getProperty("problems");
        assertTrue(problems.contains(EsrrfOpenCl.class.getName()) && problems.contains(EsrrfCuda.class.getName()), problems);

        ImageStack reference = EsrrfCpu.apply(EsrrfParams.defaults(), CpuOnlyEmbeddingMain.input());
        assertEquals(List.of(reference.frames(), reference.height(), reference.width()),
                List.of(run.output.frames(), run.output.height(), run.output.width()));
        assertNull(new Esrrf().tolerance().firstViolation(reference.data(), run.output.data()));
    }

    @Test
    void atLoggingsDefaultDebugLevelTheMissingBackendsCostNoStackTrace() throws Exception {
        Child run = run();
        String all = run.stdout + run.stderr;
        assertFalse(all.contains("\tat "), "no stack trace: " + all);
        assertFalse(all.contains("UnsatisfiedLinkError"), all);
    }

    private record Child(String stdout, String stderr, Properties report, ImageStack output) {
    }

    private Child run(String... jvmOptions) throws IOException, InterruptedException, URISyntaxException {
        Path report = tmp.resolve("report-" + System.nanoTime());
        Path data = tmp.resolve("data-" + System.nanoTime());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1"));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", cpuOnlyClassPath(), CpuOnlyEmbeddingMain.class.getName(), report.toString(), data.toString()));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        // the surefire fork preloads libjsig (see the root pom); a user's run started by the launcher on a machine without
        // an NVIDIA driver does not, and libjsig warns on stderr when a library calls signal()
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("LD_PRELOAD");
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish in 120 s");
        String stderr = Files.readString(err);
        assertEquals(0, p.exitValue(), "child failed: " + stderr);
        Properties r = new Properties();
        try (InputStream in = Files.newInputStream(report)) {
            r.load(in);
        }
        ImageStack output;
        try (DataInputStream in = new DataInputStream(Files.newInputStream(data))) {
            int f = in.readInt();
            int h = in.readInt();
            int w = in.readInt();
            float[] px = new float[f * h * w];
            for (int i = 0; i < px.length; i++) {
                px[i] = in.readFloat();
            }
            output = new ImageStack(f, h, w, px);
        }
        return new Child(Files.readString(out), stderr, r, output);
    }

    /** This module's test class path without the backend modules, JOCL and JCuda (natives included). */
    private static String cpuOnlyClassPath() throws URISyntaxException {
        Set<Path> excluded = new HashSet<>();
        for (Class<?> c : List.of(OpenClDevice.class, CudaDevice.class, org.jocl.CL.class, jcuda.driver.JCudaDriver.class)) {
            excluded.add(location(c.getProtectionDomain().getCodeSource().getLocation()));
        }
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> kept = new ArrayList<>();
        for (String entry : full.split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath().normalize();
            if (!excluded.contains(p) && !p.getFileName().toString().startsWith("jcuda-natives")) {
                kept.add(entry);
            }
        }
        assertEquals(full.split(File.pathSeparator).length - excluded.size() - 1, kept.size(),
                "expected to drop the two modules, JOCL, JCuda and its natives from " + full);
        return String.join(File.pathSeparator, kept);
    }

    private static Path location(URL url) throws URISyntaxException {
        return Path.of(url.toURI()).toAbsolutePath().normalize();
    }
}
