package org.flowscope.app.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Operation;

/**
 * Operations declared in {@code META-INF/services/org.flowscope.engine.spi.Operation}; the benchmark and contention
 * commands take those that also implement {@link BenchmarkInputs}, so a new operation plugs in by its id.
 */
public final class Operations {
    private Operations() {
    }

    /** Ids of every declared operation that can make benchmark inputs. */
    public static List<String> benchmarkableIds() {
        List<String> ids = new ArrayList<>();
        for (Operation<?, ?, ?> op : ServiceLoader.load(Operation.class)) {
            if (op instanceof BenchmarkInputs<?, ?, ?>) {
                ids.add(op.id());
            }
        }
        return ids;
    }

    /** The operation with this id; IllegalArgumentException naming the known ids otherwise. */
    @SuppressWarnings("unchecked")
    public static <P, I, O> Benchmarkable<P, I, O> benchmarkable(String id) {
        for (Operation<?, ?, ?> op : ServiceLoader.load(Operation.class)) {
            if (op.id().equals(id)) {
                if (!(op instanceof BenchmarkInputs<?, ?, ?>)) {
                    throw new IllegalArgumentException("operation '" + id + "' cannot make benchmark inputs (it does not implement BenchmarkInputs)");
                }
                return new Benchmarkable<>((Operation<P, I, O>) op, (BenchmarkInputs<P, I, O>) op);
            }
        }
        throw new IllegalArgumentException("unknown operation '" + id + "'; benchmarkable operations: " + benchmarkableIds());
    }

    /** An operation and its benchmark-input side (the same object). */
    public record Benchmarkable<P, I, O>(Operation<P, I, O> operation, BenchmarkInputs<P, I, O> inputs) {
    }
}
