package org.flowscope.engine.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.OperationProvider;

/** The rules the catalogue of operations must keep, checked by {@link ImplementationRegistry} when it loads. */
final class Catalogue {
    private Catalogue() {
    }

    /**
     * One operation and the implementations that could be instantiated.
     *
     * @param provider        its provider ({@code null} for a registry built from bare implementations)
     * @param operation       the operation
     * @param implementations instantiated implementations, in declaration order
     */
    record Entry(OperationProvider<?, ?, ?> provider, Operation<?, ?, ?> operation, List<Implementation<?, ?, ?>> implementations) {
    }

    /** Every broken rule, one line each; empty when the catalogue is consistent. */
    static List<String> violations(List<Entry> entries) {
        List<String> out = new ArrayList<>();
        Map<String, String> operationIds = new HashMap<>();
        Map<String, String> implementationIds = new HashMap<>();
        for (Entry e : entries) {
            String op = e.operation().id();
            String previous = operationIds.putIfAbsent(op, e.operation().getClass().getName());
            if (previous != null) {
                out.add("operation id '" + op + "' is declared twice: by " + previous + " and " + e.operation().getClass().getName());
            }
            int references = 0;
            for (Implementation<?, ?, ?> impl : e.implementations()) {
                ImplementationInfo info = impl.info();
                String clash = implementationIds.putIfAbsent(info.id(), impl.getClass().getName());
                if (clash != null) {
                    out.add("duplicate implementation id '" + info.id() + "': declared by " + clash + " and " + impl.getClass().getName());
                }
                if (info.operation() != e.operation().getClass()) {
                    out.add("implementation " + info.id() + " (" + impl.getClass().getName() + ") computes "
                            + info.operation().getName() + " but is declared by the provider of " + e.operation().getClass().getName());
                }
                if (!info.id().startsWith(op + ".")) {
                    out.add("implementation id '" + info.id() + "' must start with its operation's id '" + op + ".'");
                }
                if (info.reference()) {
                    references++;
                }
            }
            if (references != 1) {
                out.add("operation '" + op + "' must have exactly one reference implementation (backend CPU), has " + references);
            }
        }
        return out;
    }
}
