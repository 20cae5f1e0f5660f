package org.flowscope.methods.magnify;

import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.methods.spi.MethodProvider;

/** The {@link Magnify} operation and its implementations (the reference first). */
public final class MagnifyProvider implements MethodProvider<MagnifyParams, ImageStack, ImageStack> {
    @Override
    public Operation<MagnifyParams, ImageStack, ImageStack> operation() {
        return new Magnify();
    }

    @Override
    public List<Class<? extends Implementation<MagnifyParams, ImageStack, ImageStack>>> implementations() {
        return List.of(MagnifyCpu.class);
    }
}
