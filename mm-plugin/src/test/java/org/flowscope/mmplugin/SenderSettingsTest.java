package org.flowscope.mmplugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SenderSettingsTest {
    @Test
    void defaultsToLoopbackOnTheServicePort() {
        SenderSettings d = SenderSettings.defaults();
        assertEquals("127.0.0.1", d.host());
        assertEquals(7370, d.port());
        assertEquals("", d.token());
    }

    @Test
    void rejectsAPortOutOfRangeNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SenderSettings("localhost", 70000, "", "", "", 8, "x"));
        assertTrue(e.getMessage().contains("70000"), e.getMessage());
    }

    @Test
    void rejectsAnEmptyQueueAndAnEmptyHost() {
        assertThrows(IllegalArgumentException.class, () -> new SenderSettings("localhost", 7370, "", "", "", 0, "x"));
        assertThrows(IllegalArgumentException.class, () -> new SenderSettings(" ", 7370, "", "", "", 8, "x"));
    }

    @Test
    void rejectsAFrameWhosePixelsDoNotMatchItsSize() {
        assertThrows(IllegalArgumentException.class,
                () -> new OutgoingFrame(4, 4, WireFormat.PIXEL_U16, new short[15], 0, 0, Double.NaN, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new OutgoingFrame(4, 4, WireFormat.PIXEL_U16, new byte[16], 0, 0, Double.NaN, 0));
    }
}
