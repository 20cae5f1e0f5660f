package org.flowscope.engine.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.flowscope.engine.spi.Implementation;

/**
 * The implementations the engine may choose from, loaded through {@link ServiceLoader} from
 * {@code META-INF/services/org.flowscope.engine.spi.Implementation}. Ids are unique: two implementations
 * declaring the same id fail loading, naming both classes. Immutable and thread-safe.
 */
public final class ImplementationRegistry {
    private final Map<String, Implementation<?, ?, ?>> byId;
    private final List<Implementation<?, ?, ?>> ordered;
    private final List<String> problems;

    private ImplementationRegistry(Collection<? extends Implementation<?, ?, ?>> implementations, List<String> problems) {
        this.problems = List.copyOf(problems);
        Map<String, Implementation<?, ?, ?>> map = new LinkedHashMap<>();
        for (Implementation<?, ?, ?> impl : implementations) {
            String id = impl.info().id();
            Implementation<?, ?, ?> previous = map.putIfAbsent(id, impl);
            if (previous != null) {
                throw new IllegalStateException("duplicate implementation id '" + id + "': declared by "
                        + previous.getClass().getName() + " and " + impl.getClass().getName());
            }
        }
        this.byId = Map.copyOf(map);
        this.ordered = List.copyOf(map.values());
    }

    /**
     * Every implementation registered on {@code loader}'s class path. One that cannot be instantiated (a missing
     * class, a throwing constructor) is left out and listed in {@link #problems()}; it does not stop the others.
     */
    @SuppressWarnings("rawtypes")
    public static ImplementationRegistry load(ClassLoader loader) {
        List<Implementation<?, ?, ?>> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        java.util.Iterator<Implementation> it = ServiceLoader.load(Implementation.class, loader).iterator();
        // the iterator moves on to the next provider after an error; the bound only guards against a loader that does not
        for (int errors = 0; errors < 1000; ) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (java.util.ServiceConfigurationError | LinkageError e) {
                errors++;
                problems.add(e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
            }
        }
        return new ImplementationRegistry(found, problems);
    }

    /** A registry of exactly these implementations (tests, embedding). */
    public static ImplementationRegistry of(Collection<? extends Implementation<?, ?, ?>> implementations) {
        return new ImplementationRegistry(implementations, List.of());
    }

    /** Declared implementations that could not be instantiated, with the error. */
    public List<String> problems() {
        return problems;
    }

    /** All implementations, in class-path declaration order. */
    public List<Implementation<?, ?, ?>> all() {
        return ordered;
    }

    /** The implementations of operation {@code operationId}, in declaration order. */
    public List<Implementation<?, ?, ?>> forOperation(String operationId) {
        return ordered.stream().filter(i -> i.info().operation().equals(operationId)).toList();
    }

    public Optional<Implementation<?, ?, ?>> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Ids of the operations that have at least one implementation, sorted. */
    public List<String> operations() {
        return ordered.stream().map(i -> i.info().operation()).distinct().sorted().toList();
    }
}
