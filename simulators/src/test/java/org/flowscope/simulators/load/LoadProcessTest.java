package org.flowscope.simulators.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadProcessTest {

    @Test
    void cpuLoadRunsInAChildProcessAndStopsWhenAsked() throws Exception {
        try (LoadProcess p = LoadProcess.start(List.of("--target", "cpu", "--threads", "1", "--max-seconds", "60"),
                Duration.ofSeconds(30))) {
            assertTrue(p.isAlive());
            assertTrue(p.description().startsWith("CPU: 1 busy threads"), p.description());
            ProcessHandle h = ProcessHandle.of(p.pid()).orElseThrow();
            Thread.sleep(300);
            assertTrue(h.isAlive());
            p.close();
            assertFalse(p.isAlive());
        }
    }

    @Test
    void cpuLoadBurnsCpuTimeWhileRunning() throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (CpuLoad load = new CpuLoad(1)) {
            load.start();
            long before = os.getProcessCpuTime();
            Thread.sleep(500);
            long burnt = os.getProcessCpuTime() - before;
            // one busy thread on a shared 2-core box still gets well over a tenth of the wall time
            assertTrue(burnt > 50_000_000L, "CPU time burnt in 500 ms: " + burnt / 1e6 + " ms");
        }
    }

    @Test
    void openClLoadHoldsMemoryAndRunsOnTheFirstDevice() {
        OpenClLoad load = new OpenClLoad(new GpuLoadSettings(0.01, 1, 5, ""));
        try {
            load.start();
        } catch (org.flowscope.engine.spi.BackendUnavailableException e) {
            org.junit.jupiter.api.Assumptions.abort("no OpenCL device: " + e.getMessage());
        }
        try {
            assertTrue(load.describe().startsWith("OpenCL "), load.describe());
            assertTrue(load.describe().contains("1 contexts"), load.describe());
        } finally {
            load.close();
        }
    }

    @Test
    void rejectsUnknownTargetsWithExitCode2() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = LoadGeneratorMain.run(new String[] {"--target", "tpu"}, new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertEquals(2, rc);
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("cpu, opencl, cuda"));
    }

    @Test
    void startFailsWithTheGeneratorsReasonForBadArguments() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LoadProcess.start(List.of("--target", "cpu", "--threads", "0"), Duration.ofSeconds(30)));
        assertTrue(e.getMessage().contains("threads >= 1"), e.getMessage());
    }

    @Test
    void rejectsMemoryFractionsAboveTheCap() {
        assertThrows(IllegalArgumentException.class, () -> new GpuLoadSettings(0.99, 1, 10, ""));
    }
}
