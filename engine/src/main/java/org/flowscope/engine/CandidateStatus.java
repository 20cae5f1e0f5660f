package org.flowscope.engine;

import java.util.Optional;
import org.flowscope.engine.spi.Availability;
import org.flowscope.engine.spi.DeviceIdentity;
import org.flowscope.engine.spi.ImplementationInfo;

/**
 * An implementation on a device (or on no device, when its backend has none) and whether it can run there.
 *
 * @param info         the implementation's declaration
 * @param device       the device, empty when the backend found none
 * @param availability available, or why not
 */
public record CandidateStatus(ImplementationInfo info, Optional<DeviceIdentity> device, Availability availability) {
}
