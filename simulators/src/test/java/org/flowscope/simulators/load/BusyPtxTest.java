package org.flowscope.simulators.load;

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

/** The committed busy.ptx (the CUDA load kernel) is what nvcc makes of busy.cu today (skipped without nvcc). */
class BusyPtxTest {
    private static final Path DIR = Path.of("src/main/resources/org/flowscope/simulators/load");

    @Test
    void committedPtxMatchesTheCudaSource(@TempDir Path tmp) throws Exception {
        Path nvcc = onPath("nvcc");
        Assumptions.assumeTrue(nvcc != null, "nvcc not on PATH: PTX freshness not checked");
        Path fresh = tmp.resolve("busy.ptx");
        Process p = new ProcessBuilder(nvcc.toString(), "-ptx", "-arch=compute_80", "-o", fresh.toString(),
                DIR.resolve("busy.cu").toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "nvcc timed out");
        assertEquals(0, p.exitValue(), "nvcc failed: " + log);
        assertEquals(code(fresh), code(DIR.resolve("busy.ptx")),
                "busy.ptx is stale: run nvcc -ptx -arch=compute_80 -o busy.ptx busy.cu in " + DIR);
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
