package org.flowscope.methods.robertscross;

import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.methods.spi.MethodProvider;

/** The {@link RobertsCross} operation and its implementations (the reference first). */
public final class RobertsCrossProvider implements MethodProvider<RobertsCrossParams, ImageStack, Gradients> {
    @Override
    public Operation<RobertsCrossParams, ImageStack, Gradients> operation() {
        return new RobertsCross();
    }

    @Override
    public List<Class<? extends Implementation<RobertsCrossParams, ImageStack, Gradients>>> implementations() {
        return List.of(RobertsCrossCpu.class);
    }
}
