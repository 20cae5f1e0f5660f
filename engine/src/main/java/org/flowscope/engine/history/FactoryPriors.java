package org.flowscope.engine.history;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.flowscope.engine.spi.DeviceIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Factory-default timings shipped with the code, used while a machine has no history of its own. Every jar may
 * carry one resource {@value #RESOURCE} in the {@link HistoryFile} format (a benchmark store file can be copied as
 * is); all found are combined. An unreadable resource is skipped with a warning, never a failure.
 *
 * <p>Matching: priors measured on a device with the same kind, vendor, model and compute units as the device
 * asked about are {@link Match#SAME_DEVICE}; otherwise priors from a device of the same kind (preferring the same
 * vendor) are {@link Match#SAME_KIND}. Library versions are ignored: priors are only a starting point.
 */
public final class FactoryPriors {
    public static final String RESOURCE = "META-INF/flowscope/engine-priors.json";
    private static final Logger LOG = LoggerFactory.getLogger(FactoryPriors.class);

    public enum Match {
        SAME_DEVICE, SAME_KIND
    }

    /**
     * The prior histories chosen for one implementation on one device.
     *
     * @param match     how the device matched
     * @param histories one per measured shape
     */
    public record Series(Match match, List<History> histories) {
    }

    private final List<History> histories;

    private FactoryPriors(List<History> histories) {
        this.histories = List.copyOf(histories);
    }

    public static FactoryPriors none() {
        return new FactoryPriors(List.of());
    }

    public static FactoryPriors of(List<History> histories) {
        return new FactoryPriors(histories);
    }

    /** Every {@value #RESOURCE} on {@code loader}'s class path. */
    public static FactoryPriors load(ClassLoader loader) {
        List<History> all = new ArrayList<>();
        try {
            Enumeration<URL> urls = loader.getResources(RESOURCE);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                try (InputStream in = url.openStream()) {
                    all.addAll(AtomicJsonFile.JSON.readValue(in, HistoryFile.class).histories());
                } catch (IOException | RuntimeException e) {
                    LOG.warn("ignoring unreadable factory priors {}: {}", url, e.toString());
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list factory priors: {}", e.toString());
        }
        return new FactoryPriors(all);
    }

    /**
     * Writes {@code histories} as a priors file (what {@value #RESOURCE} holds), keeping at most {@code perKey}
     * undelayed samples per key and merging into {@code file} when it exists (same keys are replaced), so that
     * priors measured on several machines accumulate in one resource.
     */
    public static void export(List<History> histories, java.nio.file.Path file, int perKey) throws IOException {
        java.util.Map<BenchmarkKey, History> merged = new java.util.LinkedHashMap<>();
        if (java.nio.file.Files.exists(file)) {
            for (History h : AtomicJsonFile.JSON.readValue(file.toFile(), HistoryFile.class).histories()) {
                merged.put(h.key(), h);
            }
        }
        for (History h : histories) {
            List<Sample> kept = h.samples().stream().filter(s -> !s.delayed()).toList();
            kept = kept.subList(Math.max(0, kept.size() - perKey), kept.size());
            if (!kept.isEmpty()) {
                merged.put(h.key(), new History(h.key(), h.cost(), kept));
            }
        }
        java.nio.file.Path parent = file.toAbsolutePath().getParent();
        java.nio.file.Files.createDirectories(parent);
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            AtomicJsonFile.JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(),
                    new HistoryFile(HistoryFile.FORMAT, List.copyOf(merged.values())));
            java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    public List<History> all() {
        return histories;
    }

    /** The best-matching prior series of {@code implementation} for {@code device}; empty histories when none. */
    public Series series(String operation, String implementation, DeviceIdentity device) {
        List<History> same = new ArrayList<>();
        List<History> kind = new ArrayList<>();
        DeviceIdentity kindDevice = null;
        for (History h : histories) {
            BenchmarkKey k = h.key();
            if (!k.operation().equals(operation) || !k.implementation().equals(implementation) || k.device().kind() != device.kind()) {
                continue;
            }
            if (sameDevice(k.device(), device)) {
                same.add(h);
            } else if (kindDevice == null || (!kindDevice.vendor().equals(device.vendor()) && k.device().vendor().equals(device.vendor()))) {
                kindDevice = k.device();
                kind.clear();
                kind.add(h);
            } else if (k.device().equals(kindDevice)) {
                kind.add(h);
            }
        }
        return same.isEmpty() ? new Series(Match.SAME_KIND, kind) : new Series(Match.SAME_DEVICE, same);
    }

    static boolean sameDevice(DeviceIdentity a, DeviceIdentity b) {
        return a.kind() == b.kind() && a.vendor().equals(b.vendor()) && a.model().equals(b.model())
                && a.computeUnits() == b.computeUnits();
    }
}
