package org.flowscope.mmplugin;

import java.util.concurrent.atomic.AtomicReference;

/** The sender of the current (or last) acquisition, so that the dialog can show its counters. One per plugin. */
final class PluginStatus {
    private final AtomicReference<FrameSender> current = new AtomicReference<FrameSender>();

    void started(FrameSender sender) {
        current.set(sender);
    }

    /** Text for the dialog's status line. */
    String describe() {
        FrameSender sender = current.get();
        if (sender == null) {
            return "no acquisition streamed yet";
        }
        SenderStats stats = sender.stats();
        return "undelivered: " + stats.undelivered() + " of " + stats.offered + " frames"
                + (stats.lastError == null ? "" : " (" + stats.lastError + ")");
    }
}
