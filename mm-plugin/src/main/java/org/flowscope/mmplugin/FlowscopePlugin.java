package org.flowscope.mmplugin;

import org.micromanager.PropertyMap;
import org.micromanager.Studio;
import org.micromanager.data.ProcessorConfigurator;
import org.micromanager.data.ProcessorFactory;
import org.micromanager.data.ProcessorPlugin;
import org.scijava.plugin.Plugin;
import org.scijava.plugin.SciJavaPlugin;

/**
 * "flowscope stream": a Micro-Manager 2.0 on-the-fly processor that streams every image to a flowscope service
 * ({@code flowscope serve}) for live reconstruction, leaving the images themselves untouched. Put it in the MDA
 * pipeline: live mode only shows the newest frame.
 */
@Plugin(type = ProcessorPlugin.class)
public final class FlowscopePlugin implements ProcessorPlugin, SciJavaPlugin {
    static final String VERSION = "0.1.0";
    private final PluginStatus status = new PluginStatus();
    private volatile Studio studio;

    /** Micro-Manager instantiates plugins through their no-argument constructor. */
    public FlowscopePlugin() {
    }

    @Override
    public void setContext(Studio context) {
        studio = context;
    }

    @Override
    public ProcessorConfigurator createConfigurator(PropertyMap settings) {
        return new FlowscopeConfigurator(SettingsMaps.read(settings), status, studio);
    }

    @Override
    public ProcessorFactory createFactory(PropertyMap settings) {
        return new FlowscopeProcessorFactory(SettingsMaps.read(settings), status);
    }

    @Override
    public String getName() {
        return "flowscope stream";
    }

    @Override
    public String getHelpText() {
        return "Streams every acquired image to a flowscope service for live super-resolution; images pass through "
                + "unchanged.";
    }

    @Override
    public String getVersion() {
        return VERSION;
    }

    @Override
    public String getCopyright() {
        return "flowscope contributors";
    }
}
