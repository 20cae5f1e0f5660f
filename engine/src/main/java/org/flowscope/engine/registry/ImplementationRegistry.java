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

    private ImplementationRegistry(Collection<? extends Implementation<?, ?, ?>> implementations) {
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

    /** Every implementation registered on {@code loader}'s class path. */
    @SuppressWarnings("rawtypes")
    public static ImplementationRegistry load(ClassLoader loader) {
        List<Implementation<?, ?, ?>> found = new ArrayList<>();
        for (Implementation impl : ServiceLoader.load(Implementation.class, loader)) {
            found.add(impl);
        }
        return new ImplementationRegistry(found);
    }

    /** A registry of exactly these implementations (tests, embedding). */
    public static ImplementationRegistry of(Collection<? extends Implementation<?, ?, ?>> implementations) {
        return new ImplementationRegistry(implementations);
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
