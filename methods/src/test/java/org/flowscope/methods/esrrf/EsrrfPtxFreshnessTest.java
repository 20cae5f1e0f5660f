package org.flowscope.methods.esrrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed esrrf.ptx is what nvcc makes of esrrf.cu today (skipped without nvcc). */
class EsrrfPtxFreshnessTest {
    private static final Path DIR = Path.of("src/main/resources/org/flowscope/methods/esrrf");

    private static boolean nvccPresent() {
        try {
            Process p = new ProcessBuilder("nvcc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** PTX without comment lines (nvcc writes its build id there). */
    private static List<String> code(Path ptx) throws IOException {
        return Files.readAllLines(ptx).stream().filter(l -> !l.startsWith("//")).toList();
    }

    @Test
    void committedPtxMatchesTheCudaSource(@TempDir Path tmp) throws Exception {
        assumeTrue(nvccPresent(), "nvcc not on PATH: cannot check esrrf.ptx against esrrf.cu");
        Path fresh = tmp.resolve("esrrf.ptx");
        Process p = new ProcessBuilder("nvcc", "-ptx", "-arch=compute_80", "-o", fresh.toString(),
                DIR.resolve("esrrf.cu").toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(true, p.waitFor(120, TimeUnit.SECONDS), "nvcc timed out");
        assertEquals(0, p.exitValue(), "nvcc failed: " + log);
        assertEquals(code(fresh), code(DIR.resolve("esrrf.ptx")),
                "esrrf.ptx is stale: run nvcc -ptx -arch=compute_80 -o esrrf.ptx esrrf.cu in " + DIR);
    }
}
