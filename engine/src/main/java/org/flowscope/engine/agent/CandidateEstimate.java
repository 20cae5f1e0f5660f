package org.flowscope.engine.agent;

import org.flowscope.engine.model.Prediction;
import org.flowscope.engine.spi.DeviceIdentity;

/**
 * What the agent knew about one candidate when deciding.
 *
 * @param implementation   implementation id
 * @param device           device identity
 * @param prediction       undelayed predicted time and its source
 * @param delay            delay state
 * @param expectedSeconds  the time the choice compared: the prediction adjusted for the delay (paper eq. 3)
 */
public record CandidateEstimate(String implementation, DeviceIdentity device, Prediction prediction, DelayState delay,
        double expectedSeconds) {
    public String label() {
        return implementation + "@" + device.label();
    }
}
