package org.flowscope.engine.spi;

import java.util.List;
import java.util.Optional;

/**
 * Everything the engine knows about one operation, in one place: the operation, its implementations and how to
 * make benchmark work for it. Providers are found through {@link java.util.ServiceLoader} from
 * {@code META-INF/services/org.flowscope.engine.spi.OperationProvider}; that file is the only list of operations.
 * Richer providers (the methods module's {@code MethodProvider}, which adds a live stage and a {@code process}
 * command) extend this interface and are declared in the same file.
 *
 * <p>The registry checks the catalogue when it loads: exactly one reference implementation ({@link Backend#CPU}) per
 * operation, every implementation computing this provider's operation (by type), unique ids.
 *
 * @param <P> parameter record
 * @param <I> input type
 * @param <O> output type
 */
public interface OperationProvider<P, I, O> {
    /** The operation (stateless). */
    Operation<P, I, O> operation();

    /**
     * The implementations, declared by class (each needs a public no-argument constructor). Classes rather than
     * instances so that an implementation whose backend library is absent (JOCL, JCuda) fails alone, when the
     * registry instantiates it, and is reported as unavailable instead of breaking the operation.
     */
    List<Class<? extends Implementation<P, I, O>>> implementations();

    /** Seeded benchmark work for {@code engine benchmark}, the conformance command and the contention harness. */
    default Optional<BenchmarkInputs<P, I, O>> benchmarks() {
        return Optional.empty();
    }
}
