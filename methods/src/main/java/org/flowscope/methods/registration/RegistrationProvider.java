package org.flowscope.methods.registration;

import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.Operation;
import org.flowscope.methods.spi.MethodProvider;
import org.flowscope.methods.spi.OfflineCommand;

/** Channel registration: the {@link Registration} operation and the {@code register-estimate|apply} commands. */
public final class RegistrationProvider implements MethodProvider<RegistrationParams, ImageStack, RegistrationResult> {
    @Override
    public Operation<RegistrationParams, ImageStack, RegistrationResult> operation() {
        return new Registration();
    }

    @Override
    public List<Class<? extends Implementation<RegistrationParams, ImageStack, RegistrationResult>>> implementations() {
        return List.of(RegistrationCpu.class, RegistrationCpuThreaded.class);
    }

    @Override
    public List<OfflineCommand> processCommands() {
        return List.of(new RegisterEstimateCommand(), new RegisterApplyCommand());
    }
}
