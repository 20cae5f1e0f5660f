package org.flowscope.engine;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.flowscope.engine.agent.Decision;

/**
 * The engine's recent decisions (bounded), for {@code --explain}. Listeners see each decision as it is made (on the
 * calling thread, so they must be quick). Thread-safe.
 */
public final class DecisionLog {
    private final int capacity;
    private final ArrayDeque<Decision> recent = new ArrayDeque<>();
    private final List<Consumer<Decision>> listeners = new CopyOnWriteArrayList<>();

    DecisionLog(int capacity) {
        this.capacity = capacity;
    }

    void add(Decision d) {
        synchronized (recent) {
            recent.addLast(d);
            if (recent.size() > capacity) {
                recent.removeFirst();
            }
        }
        for (Consumer<Decision> l : listeners) {
            l.accept(d);
        }
    }

    /** The kept decisions, oldest first. */
    public List<Decision> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** Calls {@code listener} with every later decision; returns a handle that removes it. */
    public AutoCloseable subscribe(Consumer<Decision> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** All kept decisions explained, oldest first. */
    public String explain() {
        StringBuilder sb = new StringBuilder();
        for (Decision d : recent()) {
            sb.append(d.explain());
        }
        return sb.toString();
    }
}
