package org.flowscope.app.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.flowscope.app.image.GrayImage;
import org.junit.jupiter.api.Test;

class PreviewHubTest {
    private static GrayImage image(float v) {
        return new GrayImage(2, 2, new float[] {0, v, v, 2 * v});
    }

    @Test
    void aBrowserThatFallsBehindGetsTheLatestEventAndTheOnesItMissedAreCounted() throws Exception {
        PreviewHub hub = new PreviewHub();
        hub.publish(PreviewServerTest.snapshot(1, 0, 0, Map.of()));
        PreviewEvent first = hub.await(0, 1000);
        hub.sent(0, first.version());
        for (int i = 2; i <= 5; i++) {
            hub.publish(PreviewServerTest.snapshot(i, 0, 0, Map.of()));
        }
        PreviewEvent next = hub.await(first.version(), 1000);
        assertEquals(5, next.version(), "latest wins");
        hub.sent(first.version(), next.version());
        assertEquals(3, hub.counts().eventsSuperseded(), "events 2, 3 and 4 never reached this browser");
        assertEquals(2, hub.counts().eventsSent());
        assertNull(hub.await(next.version(), 50), "nothing newer: time-out");
    }

    static void awaitEncoded(PreviewHub hub, long images) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (hub.counts().imagesEncoded() < images && System.nanoTime() < end) {
            Thread.sleep(5);
        }
    }

    @Test
    void imagesAreEncodedOnlyForWatchingBrowsersAndEachIsEitherSentOrCountedAsSuperseded() throws Exception {
        PreviewHub hub = new PreviewHub();
        hub.offerResult(image(1), 0);
        hub.publish(PreviewServerTest.snapshot(1, 0, 0, Map.of()));
        assertNull(hub.latest().sr(), "nobody watching: no encoding");
        assertEquals(0, hub.counts().imagesEncoded());
        hub.connected();
        hub.offerResult(image(2), 1);
        hub.offerResult(image(3), 2);
        long end = System.nanoTime() + 10_000_000_000L;
        while ((hub.latest().sr() == null || !hub.latest().sr().label().equals("window 2")) && System.nanoTime() < end) {
            hub.publish(PreviewServerTest.snapshot(2, 0, 0, Map.of()));
            Thread.sleep(5);
        }
        assertEquals("window 2", hub.latest().sr().label(), "the latest reconstruction, encoded off the publishing thread");
        assertTrue(hub.counts().imagesEncoded() >= 1);
        assertEquals(3, hub.counts().imagesEncoded() + hub.counts().imagesSuperseded(),
                "windows 0, 1 and 2: each was either encoded or replaced before it was: " + hub.counts());
        hub.disconnected();
        hub.close();
    }

    @Test
    void plotsGetOnePointPerWindowAndKeepTheirNewestPointWhenThinned() {
        PreviewHub hub = new PreviewHub();
        for (int i = 0; i < PreviewHub.MAX_POINTS + 1; i++) {
            Map<String, Double> v = Map.of("drift.window", (double) (i / 2), "drift.dx_px", (double) i, "drift.dy_px", 0.0);
            hub.publish(PreviewServerTest.snapshot(i, 0, 0, v));
        }
        var drift = hub.latest().drift();
        assertEquals((PreviewHub.MAX_POINTS + 2) / 2, drift.size(), "one point per window, not per event");
        Map<String, Double> last = Map.of("drift.window", 1e6, "drift.dx_px", 42.0, "drift.dy_px", 0.0);
        for (int i = 0; i < 3 * PreviewHub.MAX_POINTS; i++) {
            hub.publish(PreviewServerTest.snapshot(i, 0, 0, Map.of("drift.window", 2e6 + i, "drift.dx_px", (double) i,
                    "drift.dy_px", 0.0)));
        }
        hub.publish(PreviewServerTest.snapshot(1, 0, 0, last));
        drift = hub.latest().drift();
        assertTrue(drift.size() <= PreviewHub.MAX_POINTS, "thinned: " + drift.size());
        assertEquals(42.0, drift.get(drift.size() - 1)[1]);
        assertEquals(0.0, drift.get(0)[1], "the first point stays");
    }

    @Test
    void theBannerNamesCameraLossesAndSkippedWindowsSeparately() {
        assertNull(PreviewHub.banner(PreviewServerTest.snapshot(1, 0, 0, Map.of())));
        assertEquals("4 frame(s) lost by the camera", PreviewHub.banner(PreviewServerTest.snapshot(1, 4, 0, Map.of())));
        assertTrue(PreviewHub.banner(PreviewServerTest.snapshot(1, 0, 2, Map.of())).startsWith("2 window(s) skipped"));
    }
}
