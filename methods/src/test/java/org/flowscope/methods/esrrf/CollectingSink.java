package org.flowscope.methods.esrrf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.core.sink.ResultSink;

/** A result sink for the live esrrf tests: keeps every result in arrival order, for the test to compare. */
final class CollectingSink implements ResultSink {
    // synchronized: a spread run may write from more than one thread
    private final List<ImageStack> results = Collections.synchronizedList(new ArrayList<>());

    /** The results written so far, live (later writes show up in it). */
    List<ImageStack> results() {
        return results;
    }

    @Override
    public void write(ImageStack result, WindowContext context) {
        results.add(result);
    }

    @Override
    public void finish() {
    }

    @Override
    public void abort() {
    }
}
