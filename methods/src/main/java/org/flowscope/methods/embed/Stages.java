package org.flowscope.methods.embed;

import java.util.List;
import java.util.Optional;
import org.flowscope.core.pipeline.WindowOperator;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.methods.spi.LiveSetup;
import org.flowscope.methods.spi.LiveStage;
import org.flowscope.methods.spi.MethodProvider;
import picocli.CommandLine;

/** Finds the operations' live stages by name and configures them from {@code live}-style options. */
final class Stages {
    private final ImplementationRegistry registry;

    Stages(ImplementationRegistry registry) {
        this.registry = registry;
    }

    WindowOperator operator(String name, String[] options, LiveSetup setup) {
        LiveStage stage = configured(name, options);
        if (!stage.offersOperator()) {
            throw new IllegalArgumentException("'" + name + "' is not an operator; operators: " + names(true));
        }
        return stage.operator(setup).orElseThrow();
    }

    List<WindowOperator> before(String name, String[] options, LiveSetup setup) {
        List<WindowOperator> list = configured(name, options).stagesBefore(setup);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("stage '" + name + "' is not enabled by " + List.of(options)
                    + " (e.g. drift needs --drift)");
        }
        return list;
    }

    private LiveStage configured(String name, String[] options) {
        LiveStage stage = stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no live stage named '" + name + "'; stages: " + names(false)));
        if (stage.options() != null) {
            new CommandLine(stage.options()).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(options);
        } else if (options.length > 0) {
            throw new IllegalArgumentException("stage '" + name + "' takes no options, got " + List.of(options));
        }
        return stage;
    }

    private List<LiveStage> stages() {
        return registry.providers().stream().filter(p -> p instanceof MethodProvider<?, ?, ?>)
                .map(p -> ((MethodProvider<?, ?, ?>) p).liveStage()).flatMap(Optional::stream).toList();
    }

    private List<String> names(boolean operatorsOnly) {
        return stages().stream().filter(s -> !operatorsOnly || s.offersOperator()).map(LiveStage::name).toList();
    }
}
