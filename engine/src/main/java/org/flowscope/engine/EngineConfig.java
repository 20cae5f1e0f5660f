package org.flowscope.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.flowscope.engine.device.DeviceSet;
import org.flowscope.engine.registry.ImplementationRegistry;

/**
 * How to build an {@link Engine}. Immutable; every {@code with…} returns a copy. {@link #defaults()} keeps history
 * in {@code ~/.flowscope/engine}; {@link #forTests(Path)} in a temporary directory, with a fixed seed.
 */
public final class EngineConfig {
    /** How the agent decides that a run was delayed. */
    public enum Detector {
        /** Median + k·MAD of recent undelayed runs; unbiased (the default). */
        ROBUST,
        /** NanoPyx's paper equations (1)–(5), faithfully, including the 1/t² draw. */
        PAPER
    }

    private Path storeDir;
    private long seed = 20_261_124L;
    private int cpuCores;
    private boolean openCl = true;
    private boolean cuda = true;
    private int historyWindow = 100;
    private String libraryVersion = bundledVersion();
    private LongSupplier nanoClock = System::nanoTime;
    private Clock wallClock = Clock.systemUTC();
    private ImplementationRegistry registry;
    private DeviceSet devices;
    private Detector detector = Detector.ROBUST;
    private boolean agent = true;
    private int decisionLogSize = 1000;
    private Duration flushInterval = Duration.ofSeconds(1);
    private boolean priors = true;
    private org.flowscope.engine.history.FactoryPriors factoryPriors;
    private boolean exploration = true;

    private EngineConfig() {
    }

    private EngineConfig copy() {
        EngineConfig c = new EngineConfig();
        c.storeDir = storeDir;
        c.seed = seed;
        c.cpuCores = cpuCores;
        c.openCl = openCl;
        c.cuda = cuda;
        c.historyWindow = historyWindow;
        c.libraryVersion = libraryVersion;
        c.nanoClock = nanoClock;
        c.wallClock = wallClock;
        c.registry = registry;
        c.devices = devices;
        c.detector = detector;
        c.agent = agent;
        c.decisionLogSize = decisionLogSize;
        c.flushInterval = flushInterval;
        c.priors = priors;
        c.factoryPriors = factoryPriors;
        c.exploration = exploration;
        return c;
    }

    /** History in {@code ~/.flowscope/engine}, all backends probed, robust delay detection. */
    public static EngineConfig defaults() {
        EngineConfig c = new EngineConfig();
        c.storeDir = Path.of(System.getProperty("user.home"), ".flowscope", "engine");
        return c;
    }

    /** Like {@link #defaults()} but with history in {@code tempStoreDir} (a JUnit {@code @TempDir}). */
    public static EngineConfig forTests(Path tempStoreDir) {
        return defaults().withStoreDir(Objects.requireNonNull(tempStoreDir, "tempStoreDir"));
    }

    /** History kept in memory only, never written. */
    public static EngineConfig inMemory() {
        return new EngineConfig();
    }

    public EngineConfig withStoreDir(Path dir) {
        EngineConfig c = copy();
        c.storeDir = dir;
        return c;
    }

    /** Seed of every random choice the agent makes (exploration, paper eq. 4 draws). */
    public EngineConfig withSeed(long seed) {
        EngineConfig c = copy();
        c.seed = seed;
        return c;
    }

    /** Worker threads of the CPU device; 0 = all processors. */
    public EngineConfig withCpuCores(int cores) {
        if (cores < 0) {
            throw new IllegalArgumentException("cpu cores must be >= 0 (0 = all), got " + cores);
        }
        EngineConfig c = copy();
        c.cpuCores = cores;
        return c;
    }

    public EngineConfig withOpenCl(boolean enabled) {
        EngineConfig c = copy();
        c.openCl = enabled;
        return c;
    }

    public EngineConfig withCuda(boolean enabled) {
        EngineConfig c = copy();
        c.cuda = enabled;
        return c;
    }

    /** Samples kept per history key; at least 50 (the paper's delay statistics read the last 50). */
    public EngineConfig withHistoryWindow(int samples) {
        if (samples < 50) {
            throw new IllegalArgumentException("history window must be >= 50 samples, got " + samples);
        }
        EngineConfig c = copy();
        c.historyWindow = samples;
        return c;
    }

    public EngineConfig withLibraryVersion(String version) {
        EngineConfig c = copy();
        c.libraryVersion = Objects.requireNonNull(version, "version");
        return c;
    }

    /** The clocks: {@code nanoTime} times runs, {@code wall} stamps samples. Tests pass fake ones. */
    public EngineConfig withClocks(LongSupplier nanoTime, Clock wall) {
        EngineConfig c = copy();
        c.nanoClock = Objects.requireNonNull(nanoTime, "nanoTime");
        c.wallClock = Objects.requireNonNull(wall, "wall");
        return c;
    }

    /** Use exactly these implementations instead of the class path's. */
    public EngineConfig withRegistry(ImplementationRegistry registry) {
        EngineConfig c = copy();
        c.registry = registry;
        return c;
    }

    /** Use these devices instead of discovering them; the caller keeps ownership (the engine does not close them). */
    public EngineConfig withDevices(DeviceSet devices) {
        EngineConfig c = copy();
        c.devices = devices;
        return c;
    }

    public EngineConfig withDetector(Detector detector) {
        EngineConfig c = copy();
        c.detector = Objects.requireNonNull(detector, "detector");
        return c;
    }

    /** False: plain greedy selection with no delay management and no exploration (the "engine off" baseline). */
    public EngineConfig withAgent(boolean enabled) {
        EngineConfig c = copy();
        c.agent = enabled;
        return c;
    }

    public EngineConfig withDecisionLogSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("decision log size must be >= 1, got " + size);
        }
        EngineConfig c = copy();
        c.decisionLogSize = size;
        return c;
    }

    /** Shortest time between two history writes (records are also written on close). */
    public EngineConfig withFlushInterval(Duration interval) {
        EngineConfig c = copy();
        c.flushInterval = Objects.requireNonNull(interval, "interval");
        return c;
    }

    /** Whether factory-default priors are used while own history is missing. */
    public EngineConfig withPriors(boolean enabled) {
        EngineConfig c = copy();
        c.priors = enabled;
        return c;
    }

    /** Whether the agent re-measures other candidates now and then (decaying ε schedule). */
    public EngineConfig withExploration(boolean enabled) {
        EngineConfig c = copy();
        c.exploration = enabled;
        return c;
    }

    public boolean exploration() {
        return exploration;
    }

    /** Null when history is in memory only. */
    public Path storeDir() {
        return storeDir;
    }

    public long seed() {
        return seed;
    }

    public int cpuCores() {
        return cpuCores;
    }

    public boolean openCl() {
        return openCl;
    }

    public boolean cuda() {
        return cuda;
    }

    public int historyWindow() {
        return historyWindow;
    }

    public String libraryVersion() {
        return libraryVersion;
    }

    public LongSupplier nanoClock() {
        return nanoClock;
    }

    public Clock wallClock() {
        return wallClock;
    }

    /** Null: load through ServiceLoader. */
    public ImplementationRegistry registry() {
        return registry;
    }

    /** Null: discover. */
    public DeviceSet devices() {
        return devices;
    }

    public Detector detector() {
        return detector;
    }

    public boolean agent() {
        return agent;
    }

    public int decisionLogSize() {
        return decisionLogSize;
    }

    public Duration flushInterval() {
        return flushInterval;
    }

    public boolean priors() {
        return priors;
    }

    /** These priors instead of the class path's (tests, embedding); null: load them when {@link #priors()}. */
    public EngineConfig withFactoryPriors(org.flowscope.engine.history.FactoryPriors given) {
        EngineConfig c = copy();
        c.factoryPriors = Objects.requireNonNull(given, "given");
        c.priors = true;
        return c;
    }

    /** Null: load from the class path (when {@link #priors()}). */
    public org.flowscope.engine.history.FactoryPriors factoryPriors() {
        return factoryPriors;
    }

    private static String bundledVersion() {
        try (InputStream in = EngineConfig.class.getResourceAsStream("version.txt")) {
            return in == null ? "dev" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "dev";
        }
    }
}
