package org.flowscope.engine;

import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.ExecutionContext;

/** The engine's execution context: the chosen device. */
record ExecutionContexts(Device device) implements ExecutionContext {
}
