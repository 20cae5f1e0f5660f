package org.flowscope.methods.rgc;

import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.methods.spi.MethodProvider;

/** The {@link Rgc} operation and its implementations (the reference first). */
public final class RgcProvider implements MethodProvider<RgcParams, RgcInput, ImageStack> {
    @Override
    public Operation<RgcParams, RgcInput, ImageStack> operation() {
        return new Rgc();
    }

    @Override
    public List<Class<? extends Implementation<RgcParams, RgcInput, ImageStack>>> implementations() {
        return List.of(RgcCpu.class);
    }
}
