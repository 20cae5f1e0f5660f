package org.flowscope.mmplugin;

import org.micromanager.data.Processor;
import org.micromanager.data.ProcessorFactory;

/** One sender per processor: Micro-Manager creates a processor for each acquisition (or live session). */
final class FlowscopeProcessorFactory implements ProcessorFactory {
    private final SenderSettings settings;
    private final PluginStatus status;

    FlowscopeProcessorFactory(SenderSettings settings, PluginStatus status) {
        this.settings = settings;
        this.status = status;
    }

    @Override
    public Processor createProcessor() {
        FrameSender sender = new FrameSender(settings);
        status.started(sender);
        return new FlowscopeProcessor(sender);
    }
}
