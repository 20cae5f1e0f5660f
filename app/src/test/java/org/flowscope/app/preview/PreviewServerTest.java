package org.flowscope.app.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowscope.app.image.GrayImage;
import org.flowscope.app.live.status.LiveSnapshot;
import org.junit.jupiter.api.Test;

class PreviewServerTest {
    static LiveSnapshot snapshot(long frames, long cameraLost, long skipped, Map<String, Double> values) {
        return new LiveSnapshot(frames / 100.0, LiveSnapshot.Phase.RUNNING, frames, 1000L, 100, 20, frames / 10, skipped,
                100L, 1, 5.0, cameraLost, Map.of(), null, Map.of("drift", "(0.1, 0.2) px"), values, List.of());
    }

    private static int status(URI uri, String host, String bearer) throws Exception {
        if (host != null) {
            return rawStatus(uri, host);
        }
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        if (bearer != null) {
            c.setRequestProperty("Authorization", "Bearer " + bearer);
        }
        try {
            return c.getResponseCode();
        } finally {
            c.disconnect();
        }
    }

    /** A GET with a Host header of our choosing (the JDK's HTTP clients do not let one set it). */
    private static int rawStatus(URI uri, String host) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void aNonLoopbackAddressWithoutATokenIsRefusedNamingTheOptions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PreviewServer.start(new PreviewHub(), "0.0.0.0", 0, Optional.empty()));
        assertTrue(e.getMessage().contains("--preview-bind 0.0.0.0") && e.getMessage().contains("--preview-token"), e.getMessage());
    }

    @Test
    void aPortInUseIsBadInputThatSuggestsAnother() {
        PreviewHub hub = new PreviewHub();
        try (PreviewServer first = PreviewServer.start(hub, "127.0.0.1", 0, Optional.empty())) {
            int port = first.url().getPort();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PreviewServer.start(hub, "127.0.0.1", port, Optional.empty()));
            assertTrue(e.getMessage().contains("in use") && e.getMessage().contains("--preview 0"), e.getMessage());
        }
    }

    @Test
    void withATokenTheDataIsServedOnlyToRequestsThatCarryIt() throws Exception {
        PreviewHub hub = new PreviewHub();
        hub.publish(snapshot(10, 0, 0, Map.of()));
        try (PreviewServer server = PreviewServer.start(hub, "127.0.0.1", 0, Optional.of("s3cret"))) {
            URI base = URI.create("http://127.0.0.1:" + server.url().getPort() + "/");
            assertTrue(server.url().toString().endsWith("/?token=s3cret"), server.url().toString());
            assertEquals(200, status(base, null, null), "the page itself holds no data");
            assertEquals(200, status(base.resolve("static/uPlot.iife.min.js"), null, null));
            assertEquals(401, status(base.resolve("state.json"), null, null));
            assertEquals(401, status(base.resolve("state.json?token=wrong"), null, null));
            assertEquals(200, status(base.resolve("state.json?token=s3cret"), null, null));
            assertEquals(200, status(base.resolve("state.json"), null, "s3cret"));
            assertEquals(401, status(base.resolve("static/../../etc/passwd"), null, null));
            assertEquals(404, status(base.resolve("static/../../etc/passwd?token=s3cret"), null, null));
            assertEquals(404, status(base.resolve("static/index.html?token=s3cret"), null, null), "only the page's own files");
        }
    }

    @Test
    void withoutATokenOnlyRequestsNamingALoopbackHostAreServed() throws Exception {
        PreviewHub hub = new PreviewHub();
        hub.publish(snapshot(10, 0, 0, Map.of()));
        try (PreviewServer server = PreviewServer.start(hub, "127.0.0.1", 0, Optional.empty())) {
            URI state = server.url().resolve("state.json");
            assertEquals(200, status(state, null, null));
            assertEquals(200, status(state, "localhost:" + state.getPort(), null));
            assertEquals(403, status(state, "attacker.example:" + state.getPort(), null), "a rebound DNS name is refused");
        }
    }

    @Test
    void anEventStreamStartsWithTheLatestStateAndItsImagesAreServedAsPng() throws Exception {
        PreviewHub hub = new PreviewHub();
        try (PreviewServer server = PreviewServer.start(hub, "127.0.0.1", 0, Optional.empty())) {
            HttpURLConnection c = (HttpURLConnection) server.url().resolve("events").toURL().openConnection();
            c.setReadTimeout(20_000);
            assertEquals("text/event-stream", c.getHeaderField("Content-Type"));
            // the connection is counted as watching: images offered now are encoded with the next event
            long end = System.nanoTime() + 10_000_000_000L;
            while (hub.counts().clients() == 0 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            float[] px = new float[12];
            for (int i = 0; i < px.length; i++) {
                px[i] = i;
            }
            hub.offerResult(new GrayImage(4, 3, px), 7);
            PreviewHubTest.awaitEncoded(hub, 1);
            hub.publish(snapshot(200, 3, 1, Map.of("drift.window", 1.0, "drift.dx_px", 0.5, "drift.dy_px", -0.25)));
            try (BufferedReader r = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                String data = null;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("data: ")) {
                        data = line.substring(6);
                        break;
                    }
                }
                assertTrue(data != null && data.contains("\"frames\":200"), String.valueOf(data));
                assertTrue(data.contains("\"banner\":\"3 frame(s) lost by the camera, 1 window(s) skipped"), data);
                assertTrue(data.contains("\"drift\":[[2.0,0.5,-0.25]]"), data);
                assertTrue(data.contains("\"label\":\"window 7\""), data);
            }
            HttpURLConnection img = (HttpURLConnection) server.url().resolve("image/sr.png?v=1").toURL().openConnection();
            assertEquals("image/png", img.getHeaderField("Content-Type"));
            byte[] png = img.getInputStream().readAllBytes();
            javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
            assertEquals(4, javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth());
        }
    }
}
