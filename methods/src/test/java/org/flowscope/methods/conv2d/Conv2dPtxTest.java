package org.flowscope.methods.conv2d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed conv2d.ptx is what nvcc makes of conv2d.cu today (skipped without nvcc). */
class Conv2dPtxTest {
    private static final Path DIR = Path.of("src/main/resources/org/flowscope/methods/conv2d");

    @Test
    void committedPtxMatchesTheCudaSource(@TempDir Path tmp) throws Exception {
        Path nvcc = onPath("nvcc");
        Assumptions.assumeTrue(nvcc != null, "nvcc not on PATH: PTX freshness not checked");
        Path fresh = tmp.resolve("conv2d.ptx");
        Process p = new ProcessBuilder(nvcc.toString(), "-ptx", "-arch=compute_80", "-o", fresh.toString(),
                DIR.resolve("conv2d.cu").toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "nvcc timed out");
        assertEquals(0, p.exitValue(), "nvcc failed: " + log);
        assertEquals(code(fresh), code(DIR.resolve("conv2d.ptx")),
                "conv2d.ptx is stale: run nvcc -ptx -arch=compute_80 -o conv2d.ptx conv2d.cu in " + DIR);
    }

    /** PTX without comment lines (they name the compiler build). */
    private static String code(Path ptx) throws Exception {
        return Files.readAllLines(ptx).stream().filter(l -> !l.startsWith("//")).collect(Collectors.joining("\n"));
    }

    private static Path onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, exe);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
