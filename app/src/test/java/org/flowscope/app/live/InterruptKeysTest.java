package org.flowscope.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterruptKeysTest {
    @Test
    void theFirstCtrlCStopsTheSourceAndTheSecondAbandonsTheAnalysis() {
        List<String> calls = new ArrayList<>();
        try (InterruptKeys keys = new InterruptKeys(() -> calls.add("stop"), () -> calls.add("abandon"))) {
            assertEquals(1, keys.pressed());
            assertEquals(List.of("stop"), calls);
            assertEquals(2, keys.pressed());
            assertEquals(List.of("stop", "abandon"), calls);
            // not installed here, so nothing is handed back; installed, the third goes to the JVM's handler
            assertEquals(3, keys.pressed());
            assertEquals(List.of("stop", "abandon"), calls);
        }
    }
}
