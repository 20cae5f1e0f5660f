package org.flowscope.mmplugin;

import org.micromanager.PropertyMap;
import org.micromanager.PropertyMaps;

/** {@link SenderSettings} to and from Micro-Manager's property maps (what MM stores with a pipeline). */
final class SettingsMaps {
    static final String HOST = "host";
    static final String PORT = "port";
    static final String TOKEN = "token";
    static final String OPERATION = "operation";
    static final String PARAMETERS = "parameters";
    static final String QUEUE = "queue";

    private SettingsMaps() {
    }

    static SenderSettings read(PropertyMap map) {
        SenderSettings d = SenderSettings.defaults();
        if (map == null) {
            return d;
        }
        return new SenderSettings(map.getString(HOST, d.host()), map.getInteger(PORT, d.port()),
                map.getString(TOKEN, d.token()), map.getString(OPERATION, d.operation()),
                map.getString(PARAMETERS, d.parameters()), map.getInteger(QUEUE, d.queueCapacity()), d.clientName());
    }

    static PropertyMap write(SenderSettings settings) {
        return PropertyMaps.builder().putString(HOST, settings.host()).putInteger(PORT, settings.port())
                .putString(TOKEN, settings.token()).putString(OPERATION, settings.operation())
                .putString(PARAMETERS, settings.parameters()).putInteger(QUEUE, settings.queueCapacity()).build();
    }
}
