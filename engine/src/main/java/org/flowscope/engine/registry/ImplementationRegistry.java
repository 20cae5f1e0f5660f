package org.flowscope.engine.registry;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.EnumSet;
import org.flowscope.engine.device.DeviceDiscovery;
import org.flowscope.engine.natives.NativeErrors;
import org.flowscope.engine.spi.DeviceKind;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.OperationProvider;

/**
 * The catalogue of operations and their implementations, built from {@link OperationProvider}s (in production: every
 * provider in {@code META-INF/services/org.flowscope.engine.spi.OperationProvider}). Immutable and thread-safe.
 *
 * <p>Loading checks the catalogue and fails with every violation listed (see {@link Catalogue#violations}): operation
 * ids unique, implementation ids unique and prefixed by their operation's id, every implementation computing its
 * provider's operation (by type), exactly one reference implementation per operation. An implementation that cannot
 * be instantiated because its backend library is missing (JOCL, JCuda), or whose backend module ({@code engine-opencl},
 * {@code engine-cuda}) is not on the class path, is not a violation: it is left out and listed in {@link #problems()},
 * so a CPU-only class path runs the CPU implementations. (Whether a class "links" without its binding depends on what
 * its constructor touches, so the backend module's presence is checked explicitly.)
 */
public final class ImplementationRegistry {
    private final List<Catalogue.Entry> entries;
    private final Map<String, Implementation<?, ?, ?>> byId = new LinkedHashMap<>();
    private final Map<String, Catalogue.Entry> byOperationId = new LinkedHashMap<>();
    private final Map<Class<?>, Catalogue.Entry> byOperationClass = new LinkedHashMap<>();
    private final List<String> problems;

    private ImplementationRegistry(List<Catalogue.Entry> entries, List<String> problems) {
        List<String> violations = Catalogue.violations(entries);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the operation catalogue is inconsistent:\n  " + String.join("\n  ", violations));
        }
        this.entries = List.copyOf(entries);
        this.problems = List.copyOf(problems);
        for (Catalogue.Entry e : entries) {
            byOperationId.put(e.operation().id(), e);
            byOperationClass.put(e.operation().getClass(), e);
            for (Implementation<?, ?, ?> impl : e.implementations()) {
                byId.put(impl.info().id(), impl);
            }
        }
    }

    /**
     * Every provider registered on {@code loader}'s class path. A provider that cannot be loaded, or an implementation
     * that cannot be instantiated, is left out and listed in {@link #problems()}; it does not stop the others.
     */
    @SuppressWarnings("rawtypes")
    public static ImplementationRegistry load(ClassLoader loader) {
        List<OperationProvider<?, ?, ?>> providers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Iterator<OperationProvider> it = ServiceLoader.load(OperationProvider.class, loader).iterator();
        // the iterator moves on to the next provider after an error; the bound only guards against one that does not
        for (int errors = 0; errors < 1000; ) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                providers.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                errors++;
                problems.add(e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
            }
        }
        return fromProviders(providers, problems, DeviceDiscovery.backendsOnClassPath(loader));
    }

    /** A registry of exactly these providers (embedding, tests); no backend module is required. */
    public static ImplementationRegistry of(List<? extends OperationProvider<?, ?, ?>> providers) {
        return fromProviders(providers, new ArrayList<>(), EnumSet.allOf(DeviceKind.class));
    }

    /**
     * A registry of exactly these implementation instances (tests, harnesses); each operation is instantiated from
     * its class through its public no-argument constructor.
     */
    public static ImplementationRegistry ofImplementations(Collection<? extends Implementation<?, ?, ?>> implementations) {
        Map<Class<?>, List<Implementation<?, ?, ?>>> grouped = new LinkedHashMap<>();
        for (Implementation<?, ?, ?> impl : implementations) {
            grouped.computeIfAbsent(impl.info().operation(), k -> new ArrayList<>()).add(impl);
        }
        List<Catalogue.Entry> entries = new ArrayList<>();
        grouped.forEach((type, impls) -> entries.add(new Catalogue.Entry(null, instantiate(type), List.copyOf(impls))));
        return new ImplementationRegistry(entries, List.of());
    }

    private static ImplementationRegistry fromProviders(List<? extends OperationProvider<?, ?, ?>> providers, List<String> problems,
            Set<DeviceKind> backends) {
        List<Catalogue.Entry> entries = new ArrayList<>();
        for (OperationProvider<?, ?, ?> p : providers) {
            List<Implementation<?, ?, ?>> impls = new ArrayList<>();
            for (Class<?> type : p.implementations()) {
                try {
                    Implementation<?, ?, ?> impl = (Implementation<?, ?, ?>) type.getConstructor().newInstance();
                    DeviceKind kind = impl.info().backend().deviceKind();
                    if (!backends.contains(kind)) {
                        problems.add(p.operation().id() + ": " + type.getName() + " (" + impl.info().id() + ") not loaded, the "
                                + kind + " backend module is not on the class path");
                        continue;
                    }
                    impls.add(impl);
                } catch (LinkageError e) {
                    problems.add(p.operation().id() + ": " + type.getName() + " not loaded, its backend library is "
                            + "missing from the class path (" + NativeErrors.concise(e) + ")");
                } catch (InvocationTargetException e) {
                    problems.add(p.operation().id() + ": " + type.getName() + " failed to construct: " + e.getCause());
                } catch (ReflectiveOperationException e) {
                    problems.add(p.operation().id() + ": " + type.getName() + " cannot be instantiated: " + e);
                }
            }
            entries.add(new Catalogue.Entry(p, p.operation(), impls));
        }
        return new ImplementationRegistry(entries, problems);
    }

    private static Operation<?, ?, ?> instantiate(Class<?> type) {
        try {
            return (Operation<?, ?, ?>) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("operation " + type.getName() + " needs a public no-argument constructor", e);
        }
    }

    /** Declared implementations that could not be instantiated, with the error. */
    public List<String> problems() {
        return problems;
    }

    /** The providers, in class-path declaration order (empty for {@link #ofImplementations}). */
    public List<OperationProvider<?, ?, ?>> providers() {
        return entries.stream().<OperationProvider<?, ?, ?>>map(Catalogue.Entry::provider)
                .filter(java.util.Objects::nonNull).toList();
    }

    /** The provider of operation {@code operationId}. */
    public Optional<OperationProvider<?, ?, ?>> provider(String operationId) {
        Catalogue.Entry e = byOperationId.get(operationId);
        return e == null ? Optional.empty() : Optional.ofNullable(e.provider());
    }

    /** The operation with this id. */
    public Optional<Operation<?, ?, ?>> operation(String operationId) {
        return Optional.ofNullable(byOperationId.get(operationId)).map(Catalogue.Entry::operation);
    }

    /** All implementations, in declaration order. */
    public List<Implementation<?, ?, ?>> all() {
        return List.copyOf(byId.values());
    }

    /** The implementations of operation {@code operationId}, in declaration order (empty for an unknown id). */
    public List<Implementation<?, ?, ?>> forOperation(String operationId) {
        Catalogue.Entry e = byOperationId.get(operationId);
        return e == null ? List.of() : e.implementations();
    }

    /** The implementations of {@code operation}, matched by its class. */
    public List<Implementation<?, ?, ?>> forOperation(Operation<?, ?, ?> operation) {
        Catalogue.Entry e = byOperationClass.get(operation.getClass());
        return e == null ? List.of() : e.implementations();
    }

    public Optional<Implementation<?, ?, ?>> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Ids of the operations in the catalogue, sorted. */
    public List<String> operations() {
        return byOperationId.keySet().stream().sorted().toList();
    }
}
