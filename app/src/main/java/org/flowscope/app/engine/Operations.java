package org.flowscope.app.engine;

import java.util.List;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.OperationProvider;

/**
 * The operations whose providers can make benchmark inputs; the benchmark, conformance and contention commands take
 * an operation by its id from here, so a new operation plugs in through its provider alone.
 */
public final class Operations {
    private Operations() {
    }

    private static ImplementationRegistry registry() {
        return ImplementationRegistry.load(Operations.class.getClassLoader());
    }

    /** Ids of every operation whose provider can make benchmark inputs. */
    public static List<String> benchmarkableIds() {
        return registry().providers().stream().filter(p -> p.benchmarks().isPresent()).map(p -> p.operation().id()).toList();
    }

    /** The operation with this id; IllegalArgumentException naming the benchmarkable ids otherwise. */
    @SuppressWarnings("unchecked")
    public static <P, I, O> Benchmarkable<P, I, O> benchmarkable(String id) {
        OperationProvider<P, I, O> p = (OperationProvider<P, I, O>) registry().provider(id).orElseThrow(() ->
                new IllegalArgumentException("unknown operation '" + id + "'; benchmarkable operations: " + benchmarkableIds()));
        BenchmarkInputs<P, I, O> inputs = p.benchmarks().orElseThrow(() -> new IllegalArgumentException(
                "operation '" + id + "' cannot make benchmark inputs; benchmarkable operations: " + benchmarkableIds()));
        return new Benchmarkable<>(p.operation(), inputs);
    }

    /** An operation and its benchmark inputs. */
    public record Benchmarkable<P, I, O>(Operation<P, I, O> operation, BenchmarkInputs<P, I, O> inputs) {
    }
}
