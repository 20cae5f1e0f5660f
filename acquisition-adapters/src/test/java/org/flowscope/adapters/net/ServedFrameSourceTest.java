package org.flowscope.adapters.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.flowscope.core.frame.FrameMetadata;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.source.PixelData;
import org.flowscope.mmplugin.FrameSender;
import org.flowscope.mmplugin.OutgoingFrame;
import org.flowscope.mmplugin.SenderSettings;
import org.flowscope.mmplugin.SenderStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServedFrameSourceTest {
    private static final int W = 16;
    private static final int H = 8;

    private ServedFrameSource service;
    private Thread runner;
    private final List<FrameMetadata> received = new CopyOnWriteArrayList<>();
    private final List<int[]> pixels = new CopyOnWriteArrayList<>();
    private volatile Throwable runFailure;

    private ServedFrameSource start(FrameServiceConfig config, long consumerDelayMs) throws Exception {
        service = ServedFrameSource.start(config);
        runner = new Thread(() -> {
            try {
                service.run((m, p) -> {
                    short[] s = ((PixelData.U16) p).pixels();
                    pixels.add(new int[] {s[0] & 0xFFFF, s[s.length - 1] & 0xFFFF});
                    received.add(m);
                    if (consumerDelayMs > 0) {
                        sleep(consumerDelayMs);
                    }
                });
            } catch (Throwable t) {
                runFailure = t;
            }
        }, "service-run");
        runner.start();
        return service;
    }

    @AfterEach
    void stopService() throws Exception {
        if (service != null) {
            service.close();
            runner.join(5_000);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static OutgoingFrame frame(long n) {
        short[] s = new short[W * H];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (40_000 + n + i);
        }
        return new OutgoingFrame(W, H, OutgoingFrame.PIXEL_U16, s, n, n * 1_000_000, 100.0, 0);
    }

    private SenderStats stream(SenderSettings settings, int frames) throws Exception {
        FrameSender sender = new FrameSender(settings);
        for (int k = 0; k < frames; k++) {
            while (!sender.offer(frame(k))) {
                fail("the queue is large enough for this test");
            }
        }
        sender.finish();
        assertTrue(sender.awaitFinished(20, TimeUnit.SECONDS));
        return sender.stats();
    }

    private static void fail(String message) {
        throw new AssertionError(message);
    }

    private SenderSettings client(String token) {
        InetSocketAddress a = service.address();
        return new SenderSettings(a.getHostString(), a.getPort(), token, "", "", 256, "test-client");
    }

    @Test
    void handsThePluginSendersFramesToTheConsumerUnsignedAndInOrder() throws Exception {
        start(FrameServiceConfig.loopback(0).withStopWhenClientEnds(true), 0);
        SenderStats stats = stream(client(""), 40);
        runner.join(10_000);
        assertFalse(runner.isAlive(), "the service stops after the client's END");
        assertEquals(null, runFailure);
        assertEquals(40, stats.acknowledged, stats.summary());
        assertEquals(0, stats.undelivered());
        assertEquals(40, received.size());
        for (int k = 0; k < 40; k++) {
            assertEquals(k, received.get(k).sequence());
            assertEquals(k * 1_000_000L, received.get(k).acquisitionTimeNs());
            assertEquals(40_000 + k, pixels.get(k)[0]);
            assertEquals(40_000 + k + W * H - 1, pixels.get(k)[1]);
        }
        assertEquals(PixelType.U16, service.format().pixelType());
        assertEquals(W, service.format().width());
        assertEquals(100.0, received.get(0).pixelSizeNm().getAsDouble());
        assertEquals(40, service.stats().framesAccepted());
        assertEquals(40L * W * H * 2, service.stats().bytesAccepted());
    }

    @Test
    void aSlowConsumerSlowsTheClientDownWithoutLosingFrames() throws Exception {
        start(FrameServiceConfig.loopback(0).withStopWhenClientEnds(true), 3);
        SenderStats stats = stream(client(""), 60);
        runner.join(10_000);
        assertEquals(60, received.size());
        assertEquals(60, stats.acknowledged, stats.summary());
    }

    @Test
    void refusesAClientSpeakingAnotherProtocolAndKeepsServing() throws Exception {
        start(FrameServiceConfig.loopback(0).withStopWhenClientEnds(true), 0);
        try (RawClient http = new RawClient(service.address())) {
            http.out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            Object[] reply = http.handshakeReply();
            assertEquals(WireProtocol.ERR_BAD_MAGIC, reply[0]);
            assertTrue(((String) reply[1]).contains("not a flowscope wire stream"), (String) reply[1]);
            assertEquals("FSWP", reply[2]);
        }
        assertEquals(5, stream(client(""), 5).acknowledged);
        assertEquals(1, service.stats().clientsRejected());
    }

    @Test
    void refusesAnUnsupportedVersionNamingBoth() throws Exception {
        start(FrameServiceConfig.loopback(0), 0);
        try (RawClient c = new RawClient(service.address())) {
            c.out.write(RawClient.hello(WireProtocol.MAGIC, 9, "", W, H, WireProtocol.PIXEL_U16));
            Object[] reply = c.handshakeReply();
            assertEquals(WireProtocol.ERR_UNSUPPORTED_VERSION, reply[0]);
            assertTrue(((String) reply[1]).contains("v9; this service speaks v1"), (String) reply[1]);
        }
    }

    @Test
    void refusesAWrongTokenAndCountsTheClientsFramesAsUndelivered() throws Exception {
        start(new FrameServiceConfig("127.0.0.1", 0, java.util.Optional.of("s3cret"), java.util.Optional.empty(),
                1 << 20, 4, OptionalLong.empty(), true, 5_000, 60_000), 0);
        SenderStats wrong = stream(client("guess"), 3);
        assertEquals(3, wrong.undelivered(), wrong.summary());
        assertTrue(wrong.lastError.contains("wrong token"), wrong.lastError);
        SenderStats right = stream(client("s3cret"), 3);
        assertEquals(3, right.acknowledged, right.summary());
        assertEquals(3, received.size());
    }

    @Test
    void refusesAnOversizedFrameAndKeepsTheFramesItAlreadyAccepted() throws Exception {
        start(FrameServiceConfig.loopback(0).withMaxFrameBytes(W * H * 2), 0);
        try (RawClient c = new RawClient(service.address())) {
            c.out.write(RawClient.hello(WireProtocol.MAGIC, 1, "", W, H, WireProtocol.PIXEL_U16));
            assertEquals(WireProtocol.OK, c.handshakeReply()[0]);
            c.out.write(RawClient.frameHeader(0, W, H, WireProtocol.PIXEL_U16, W * H * 2));
            c.out.write(new byte[W * H * 2]);
            c.out.write(RawClient.frameHeader(1, W, H, WireProtocol.PIXEL_U16, 1L << 30));
            Object[] error = c.error();
            assertEquals(WireProtocol.ERR_FRAME_TOO_LARGE, error[0]);
            assertTrue(((String) error[1]).contains("exceeds this service's limit of 256 bytes"), (String) error[1]);
        }
        waitFor(() -> received.size() == 1);
        assertEquals(1, service.stats().framesAccepted());
        assertEquals(1, service.stats().framesRefused());
    }

    @Test
    void aConnectionDroppedInTheMiddleOfAFrameLosesOnlyThatFrame() throws Exception {
        start(FrameServiceConfig.loopback(0).withStopWhenClientEnds(true), 0);
        try (RawClient c = new RawClient(service.address())) {
            c.out.write(RawClient.hello(WireProtocol.MAGIC, 1, "", W, H, WireProtocol.PIXEL_U16));
            assertEquals(WireProtocol.OK, c.handshakeReply()[0]);
            for (int k = 0; k < 2; k++) {
                c.out.write(RawClient.frameHeader(k, W, H, WireProtocol.PIXEL_U16, W * H * 2));
                c.out.write(new byte[W * H * 2]);
            }
            c.out.write(RawClient.frameHeader(2, W, H, WireProtocol.PIXEL_U16, W * H * 2));
            c.out.write(new byte[W * H]);
        }
        waitFor(() -> service.stats().incompleteFrames() == 1);
        waitFor(() -> received.size() == 2);
        assertEquals(2, service.stats().framesAccepted(), "the two complete frames are kept");
        assertEquals(1, service.stats().droppedConnections());
        assertEquals(4, stream(client(""), 4).acknowledged, "the service still serves");
    }

    @Test
    void refusesASecondClientWithAnotherFrameFormat() throws Exception {
        start(FrameServiceConfig.loopback(0), 0);
        assertEquals(2, stream(client(""), 2).acknowledged);
        try (RawClient c = new RawClient(service.address())) {
            c.out.write(RawClient.hello(WireProtocol.MAGIC, 1, "", 32, 32, WireProtocol.PIXEL_U8));
            Object[] reply = c.handshakeReply();
            assertEquals(WireProtocol.ERR_BAD_FORMAT, reply[0]);
            assertTrue(((String) reply[1]).contains("32x32 U8"), (String) reply[1]);
        }
    }

    @Test
    void stopsAtItsFrameLimitAndTheClientsCountersStillAddUp() throws Exception {
        start(FrameServiceConfig.loopback(0).withFrameLimit(OptionalLong.of(5)), 0);
        SenderStats stats = stream(client(""), 8);
        runner.join(10_000);
        assertFalse(runner.isAlive());
        assertEquals(5, received.size());
        assertEquals(8, stats.offered);
        assertEquals(8, stats.acknowledged + stats.undelivered(), stats.summary());
        assertTrue(stats.undelivered() >= 3, stats.summary());
    }

    @Test
    void bindingBeyondLoopbackRequiresAToken() {
        var e = assertThrows(IllegalArgumentException.class, () -> new FrameServiceConfig("0.0.0.0", 0,
                java.util.Optional.empty(), java.util.Optional.empty(), 1 << 20, 4, OptionalLong.empty(), false, 5000, 0));
        assertTrue(e.getMessage().contains("requires a token"), e.getMessage());
        new FrameServiceConfig("0.0.0.0", 0, java.util.Optional.of("t"), java.util.Optional.empty(), 1 << 20, 4,
                OptionalLong.empty(), false, 5000, 0);
    }

    @Test
    void refusesAClientAskingForAnotherOperation() throws Exception {
        start(FrameServiceConfig.loopback(0).withOperation("esrrf"), 0);
        InetSocketAddress a = service.address();
        SenderStats stats = stream(new SenderSettings(a.getHostString(), a.getPort(), "", "average", "", 16, "t"), 2);
        assertEquals(2, stats.undelivered());
        assertTrue(stats.lastError.contains("this service runs 'esrrf'"), stats.lastError);
    }

    @Test
    void idleClientsHoldingEverySlotAreClosedAfterTheIdleTimeoutSoTheMicroscopesClientGetsIn() throws Exception {
        start(FrameServiceConfig.loopback(0).withIdleTimeoutMs(300), 0);
        List<RawClient> idle = new java.util.ArrayList<>();
        try {
            for (int k = 0; k < FrameServiceConfig.DEFAULT_MAX_CLIENTS; k++) {
                RawClient c = new RawClient(service.address());
                idle.add(c);
                c.out.write(RawClient.hello(WireProtocol.MAGIC, 1, "", W, H, WireProtocol.PIXEL_U16));
                assertEquals(WireProtocol.OK, c.handshakeReply()[0]);
            }
            try (RawClient late = new RawClient(service.address())) {
                late.out.write(RawClient.hello(WireProtocol.MAGIC, 1, "", W, H, WireProtocol.PIXEL_U16));
                assertEquals(WireProtocol.ERR_BUSY, late.handshakeReply()[0], "every slot is held");
            }
            for (RawClient c : idle) {
                Object[] error = c.error();
                assertEquals(WireProtocol.ERR_IDLE_TIMEOUT, error[0]);
                assertTrue(((String) error[1]).contains("no message from the client for 300 ms (the idle timeout"), (String) error[1]);
                assertEquals(-1, c.in.read(), "the service closed the connection");
            }
        } finally {
            for (RawClient c : idle) {
                c.close();
            }
        }
        waitFor(() -> service.stats().idleTimeouts() == FrameServiceConfig.DEFAULT_MAX_CLIENTS);
        assertEquals(5, stream(client(""), 5).acknowledged, "a new client gets a slot");
        assertEquals(5, received.size());
        assertEquals(0, service.stats().incompleteFrames());
    }

    @Test
    void thePluginSenderReconnectsAfterAPauseLongerThanTheIdleTimeoutWithoutLosingTheNextFrame() throws Exception {
        start(FrameServiceConfig.loopback(0).withIdleTimeoutMs(200), 0);
        FrameSender sender = new FrameSender(client(""));
        for (int k = 0; k < 3; k++) {
            assertTrue(sender.offer(frame(k)));
        }
        waitFor(() -> received.size() == 3);
        waitFor(() -> service.stats().idleTimeouts() == 1);
        for (int k = 3; k < 6; k++) {
            assertTrue(sender.offer(frame(k)));
        }
        sender.finish();
        assertTrue(sender.awaitFinished(20, TimeUnit.SECONDS));
        SenderStats stats = sender.stats();
        waitFor(() -> received.size() == 6);
        assertEquals(3, stats.acknowledged, "the second connection's frames are acknowledged: " + stats.summary());
        assertEquals(3, stats.undelivered(), "the first connection had no ACK, so its frames stay unconfirmed: "
                + stats.summary());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), received.stream().map(FrameMetadata::sequence).toList(),
                "no frame was written into the closed connection");
    }

    @Test
    void aClientWaitingOnASlowPipelineIsNotIdle() throws Exception {
        start(FrameServiceConfig.loopback(0).withStopWhenClientEnds(true).withIdleTimeoutMs(100), 40);
        SenderStats stats = stream(client(""), 15);
        assertEquals(15, stats.acknowledged, stats.summary());
        assertEquals(0, service.stats().idleTimeouts());
    }

    @Test
    void aClientThatStopsInTheMiddleOfAFrameIsClosedAndTheFrameCountedAsCutOff() throws Exception {
        start(FrameServiceConfig.loopback(0).withIdleTimeoutMs(200), 0);
        try (RawClient c = new RawClient(service.address())) {
            c.out.write(RawClient.hello(WireProtocol.MAGIC, 1, "", W, H, WireProtocol.PIXEL_U16));
            assertEquals(WireProtocol.OK, c.handshakeReply()[0]);
            c.out.write(RawClient.frameHeader(0, W, H, WireProtocol.PIXEL_U16, W * H * 2));
            c.out.write(new byte[W * H * 2]);
            c.out.write(RawClient.frameHeader(1, W, H, WireProtocol.PIXEL_U16, W * H * 2));
            c.out.write(new byte[10]);
            Object[] error = c.error();
            assertEquals(WireProtocol.ERR_IDLE_TIMEOUT, error[0]);
            assertTrue(((String) error[1]).contains("after 1 frames, in the middle of a frame"), (String) error[1]);
        }
        waitFor(() -> service.stats().incompleteFrames() == 1);
        assertEquals(1, service.stats().framesAccepted(), "the complete frame is kept");
        assertEquals(1, service.stats().idleTimeouts());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(doubles = {-5, -0.001, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY})
    void refusesAHandshakeWithANegativeOrInfinitePixelSizeNamingTheValue(double pixelSizeNm) throws Exception {
        start(FrameServiceConfig.loopback(0), 0);
        try (RawClient c = new RawClient(service.address())) {
            c.out.write(RawClient.hello(WireProtocol.MAGIC, 1, "", W, H, WireProtocol.PIXEL_U16, pixelSizeNm));
            Object[] reply = c.handshakeReply();
            assertEquals(WireProtocol.ERR_MALFORMED, reply[0]);
            assertTrue(((String) reply[1]).contains("handshake pixel size " + pixelSizeNm + " nm"), (String) reply[1]);
        }
        assertEquals(1, service.stats().clientsRejected());
        assertTrue(service.knownFormat().isEmpty(), "a refused handshake fixes no format");
    }

    @Test
    void aZeroOrNaNPixelSizeMeansUnknown() throws Exception {
        start(FrameServiceConfig.loopback(0), 0);
        for (double unknown : new double[] {0.0, Double.NaN}) {
            try (RawClient c = new RawClient(service.address())) {
                c.out.write(RawClient.hello(WireProtocol.MAGIC, 1, "", W, H, WireProtocol.PIXEL_U16, unknown));
                assertEquals(WireProtocol.OK, c.handshakeReply()[0]);
            }
        }
        assertTrue(service.format().pixelSizeNm().isEmpty());
        assertEquals(0, service.stats().clientsRejected());
    }

    @Test
    void refusesAFrameWithANegativePixelSizeAndKeepsTheFramesBefore() throws Exception {
        start(FrameServiceConfig.loopback(0), 0);
        try (RawClient c = new RawClient(service.address())) {
            c.out.write(RawClient.hello(WireProtocol.MAGIC, 1, "", W, H, WireProtocol.PIXEL_U16));
            assertEquals(WireProtocol.OK, c.handshakeReply()[0]);
            c.out.write(RawClient.frameHeader(0, W, H, WireProtocol.PIXEL_U16, W * H * 2));
            c.out.write(new byte[W * H * 2]);
            c.out.write(RawClient.frameHeader(1, W, H, WireProtocol.PIXEL_U16, W * H * 2, -5));
            Object[] error = c.error();
            assertEquals(WireProtocol.ERR_MALFORMED, error[0]);
            assertTrue(((String) error[1]).contains("frame 1 pixel size -5.0 nm"), (String) error[1]);
        }
        waitFor(() -> received.size() == 1);
        assertEquals(1, service.stats().protocolErrors());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            sleep(5);
        }
    }
}
