package org.flowscope.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flowscope.engine.device.CpuDevice;
import org.flowscope.engine.device.DeviceSet;
import org.flowscope.engine.fixtures.BuildingDevice;
import org.flowscope.engine.fixtures.CountingBackendProvider;
import org.flowscope.engine.fixtures.FakeClock;
import org.flowscope.engine.fixtures.Keys;
import org.flowscope.engine.fixtures.Scale;
import org.flowscope.engine.fixtures.ScaleCpu;
import org.flowscope.engine.fixtures.ScaleThreaded;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.DeviceKind;
import org.flowscope.engine.spi.BackendUnavailableException;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
    @TempDir
    Path store;

    private final Scale scale = new Scale();

    @Test
    void runsAnOperationAndRecordsItsTime() {
        try (Engine engine = Engine.create(EngineConfig.forTests(store).withOpenCl(false).withCuda(false))) {
            float[] out = engine.run(scale, 3f, new float[] {1, 2});
            assertArrayEquals(new float[] {3, 6}, out);
            Execution<float[]> e = engine.execute(scale, 3f, new float[] {1, 2}, RunOptions.implementation("test.scale.cpu"));
            assertEquals("test.scale.cpu", e.decision().choice().implementation());
            assertTrue(e.seconds() >= 0);
            assertEquals(2, engine.decisions().recent().size());
            assertFalse(engine.history().histories(Scale.ID).isEmpty());
        }
    }

    @Test
    void backendOptionRestrictsTheCandidates() {
        try (Engine engine = Engine.create(EngineConfig.forTests(store).withOpenCl(false).withCuda(false))) {
            for (int i = 0; i < 5; i++) {
                var e = engine.execute(scale, 2f, new float[] {1}, RunOptions.backend(Backend.CPU_THREADED));
                assertEquals("test.scale.threaded", e.decision().choice().implementation());
            }
        }
    }

    @Test
    void aRunRestrictedToTheCpuProbesNoGpuBackend() {
        int before = CountingBackendProvider.PROBES.get();
        try (Engine engine = Engine.create(EngineConfig.forTests(store))) {
            assertArrayEquals(new float[] {2}, engine.run(scale, 2f, new float[] {1}, RunOptions.deviceKind(DeviceKind.CPU)));
            engine.run(scale, 2f, new float[] {1}, RunOptions.implementation("test.scale.threaded"));
            engine.run(scale, 2f, new float[] {1}, RunOptions.backend(Backend.CPU));
            assertEquals(before, CountingBackendProvider.PROBES.get(), "no GPU library is touched for a CPU run");
            engine.run(scale, 2f, new float[] {1});
            assertEquals(before + 1, CountingBackendProvider.PROBES.get(), "an unrestricted run considers OpenCL");
        }
    }

    @Test
    void anOperationWithOnlyCpuImplementationsProbesNoGpuBackendEvenUnrestricted() {
        int before = CountingBackendProvider.PROBES.get();
        var cpuOnly = ImplementationRegistry.ofImplementations(List.of(new ScaleCpu(), new ScaleThreaded()));
        try (Engine engine = Engine.create(EngineConfig.forTests(store).withRegistry(cpuOnly))) {
            assertArrayEquals(new float[] {4}, engine.run(scale, 2f, new float[] {2}));
            assertEquals(before, CountingBackendProvider.PROBES.get());
        }
    }

    @Test
    void listsUnavailableBackendsWithReasons() {
        try (Engine engine = Engine.create(EngineConfig.forTests(store).withOpenCl(false).withCuda(false))) {
            var statuses = engine.candidates(Scale.ID);
            var cl = statuses.stream().filter(s -> s.info().backend() == Backend.OPENCL).findFirst().orElseThrow();
            assertFalse(cl.availability().available());
            assertTrue(cl.availability().reason().contains("disabled"), cl.availability().reason());
            var e = assertThrows(BackendUnavailableException.class,
                    () -> engine.run(scale, 1f, new float[] {1}, RunOptions.backend(Backend.OPENCL)));
            assertTrue(e.getMessage().contains("disabled"), e.getMessage());
        }
    }

    @Test
    void failingCandidateIsExcludedAndTheCallFallsBack() {
        Implementation<Float, float[], float[]> broken = new Implementation<>() {
            @Override
            public ImplementationInfo info() {
                return new ImplementationInfo("test.scale.broken", Scale.class, Backend.CPU_THREADED, Precision.FP32, "always fails");
            }

            @Override
            public float[] run(Float p, float[] in, ExecutionContext c) {
                throw new BackendUnavailableException("simulated device loss");
            }
        };
        try (CpuDevice cpu = CpuDevice.withCores(1);
                Engine engine = Engine.create(EngineConfig.inMemory().withDevices(DeviceSet.of(List.of(cpu)))
                        .withRegistry(ImplementationRegistry.ofImplementations(List.of(broken, new ScaleCpu()))))) {
            float[] out = engine.run(scale, 2f, new float[] {1}, RunOptions.deviceKind(org.flowscope.engine.spi.DeviceKind.CPU));
            assertArrayEquals(new float[] {2}, out);
            var status = engine.candidates(Scale.ID).stream().filter(s -> s.info().id().equals("test.scale.broken")).findFirst().orElseThrow();
            assertTrue(status.availability().reason().contains("simulated device loss"), status.availability().reason());
            assertThrows(BackendUnavailableException.class, () -> engine.run(scale, 2f, new float[] {1}, RunOptions.implementation("test.scale.broken")));
        }
    }

    @Test
    void kernelBuildTimeIsKeptOutOfTheRecordedRunTime() {
        FakeClock clock = new FakeClock();
        BuildingDevice gpu = new BuildingDevice(Keys.GPU);
        Implementation<Float, float[], float[]> building = new Implementation<>() {
            private boolean built;

            @Override
            public ImplementationInfo info() {
                return new ImplementationInfo("test.scale.opencl", Scale.class, Backend.OPENCL, Precision.FP32, "builds on first use");
            }

            @Override
            public float[] run(Float p, float[] in, ExecutionContext c) {
                if (!built) {
                    built = true;
                    clock.advance(0.5);
                    ((BuildingDevice) c.device()).built(500_000_000L);
                }
                clock.advance(0.002);
                return new float[] {in[0] * p};
            }
        };
        try (Engine engine = Engine.create(EngineConfig.inMemory().withDevices(DeviceSet.of(List.of(gpu)))
                .withRegistry(ImplementationRegistry.ofImplementations(List.of(new ScaleCpu(), building)))
                .withClocks(clock, java.time.Clock.systemUTC()))) {
            var first = engine.execute(scale, 2f, new float[] {3}, RunOptions.implementation("test.scale.opencl"));
            assertArrayEquals(new float[] {6}, first.output());
            assertEquals(0.002, first.seconds(), 1e-9, "the 0.5 s build is the device's, not the run's");
            assertEquals(0.002, engine.execute(scale, 2f, new float[] {3}, RunOptions.implementation("test.scale.opencl")).seconds(), 1e-9);
        }
    }

    @Test
    void deviceMemoryShortageSkipsTheCandidateForThatCallOnly() {
        int[] calls = new int[1];
        Implementation<Float, float[], float[]> tight = new Implementation<>() {
            @Override
            public ImplementationInfo info() {
                return new ImplementationInfo("test.scale.tight", Scale.class, Backend.CPU_THREADED, Precision.FP32, "fails once for memory");
            }

            @Override
            public float[] run(Float p, float[] in, ExecutionContext c) {
                if (calls[0]++ == 0) {
                    throw new org.flowscope.engine.spi.DeviceMemoryException("buffer", 100, 10);
                }
                return in;
            }
        };
        try (CpuDevice cpu = CpuDevice.withCores(1);
                Engine engine = Engine.create(EngineConfig.inMemory().withDevices(DeviceSet.of(List.of(cpu)))
                        .withRegistry(ImplementationRegistry.ofImplementations(List.of(tight, new ScaleCpu()))))) {
            assertArrayEquals(new float[] {2}, engine.run(scale, 2f, new float[] {1}, RunOptions.deviceKind(org.flowscope.engine.spi.DeviceKind.CPU)));
            assertArrayEquals(new float[] {1}, engine.run(scale, 2f, new float[] {1}, RunOptions.implementation("test.scale.tight")));
            assertTrue(engine.candidates(Scale.ID).stream().allMatch(s -> s.availability().available()));
        }
    }

    @Test
    void badInputPropagatesAsIllegalArgument() {
        try (Engine engine = Engine.create(EngineConfig.forTests(store).withOpenCl(false).withCuda(false))) {
            var e = assertThrows(IllegalArgumentException.class, () -> engine.run(scale, Float.NaN, new float[] {1}));
            assertTrue(e.getMessage().contains("finite"));
        }
    }

    @Test
    void isSafeToCallFromManyThreads() throws Exception {
        try (CpuDevice cpu = CpuDevice.withCores(2);
                Engine engine = Engine.create(EngineConfig.inMemory().withDevices(DeviceSet.of(List.of(cpu))).withHistoryWindow(200)
                        .withRegistry(ImplementationRegistry.ofImplementations(List.of(new ScaleCpu(), new ScaleThreaded()))))) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<float[]>> results = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    float f = i;
                    results.add(pool.submit(() -> engine.run(scale, f, new float[] {1, 2, 3})));
                }
                for (int i = 0; i < results.size(); i++) {
                    assertArrayEquals(new float[] {i, 2f * i, 3f * i}, results.get(i).get());
                }
            } finally {
                pool.shutdown();
            }
            assertEquals(200, engine.decisions().recent().size());
            // every call is recorded: as a run time, or as a warm-up when it was its candidate's first (cold) run
            assertEquals(200, engine.history().histories(Scale.ID).stream().mapToInt(h -> h.samples().size() + h.warmups().size()).sum());
        }
    }
}
