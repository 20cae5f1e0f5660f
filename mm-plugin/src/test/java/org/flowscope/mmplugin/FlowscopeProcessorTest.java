package org.flowscope.mmplugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.micromanager.data.Image;
import org.micromanager.data.Processor;
import org.junit.jupiter.api.Test;

class FlowscopeProcessorTest {
    private static SenderSettings settings(int port, int queue) {
        return new SenderSettings("127.0.0.1", port, "", "", "", queue, "test");
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void passesEveryImageThroughUnchangedAndCountsAllAsUndeliveredWhenNoServiceListens() throws Exception {
        PluginStatus status = new PluginStatus();
        Processor processor = new FlowscopeProcessorFactory(settings(closedPort(), 4), status).createProcessor();
        FakeImages.Context context = new FakeImages.Context();
        List<Image> input = new ArrayList<Image>();
        for (int k = 0; k < 50; k++) {
            Image image = FakeImages.u16(16, 8, k);
            input.add(image);
            processor.processImage(image, context.context);
        }
        assertEquals(50, context.output.size());
        for (int k = 0; k < 50; k++) {
            assertSame(input.get(k), context.output.get(k), "the very same image, unchanged");
        }
        FrameSender sender = ((FlowscopeProcessor) processor).sender();
        processor.cleanup(context.context);
        assertTrue(sender.awaitFinished(10, TimeUnit.SECONDS));
        SenderStats stats = sender.stats();
        assertEquals(50, stats.offered);
        assertEquals(50, stats.undelivered(), stats.summary());
        assertEquals(0, stats.acknowledged);
        assertNotNull(stats.lastError);
        assertTrue(status.describe().startsWith("undelivered: 50 of 50 frames"), status.describe());
    }

    @Test
    void neverBlocksThePipelineWhenTheServiceStallsAndCountsTheOverflow() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread stalled = new Thread(() -> stallAfterHandshake(server), "stalled-service");
            stalled.setDaemon(true);
            stalled.start();
            FrameSender sender = new FrameSender(settings(server.getLocalPort(), 8));
            FlowscopeProcessor processor = new FlowscopeProcessor(sender);
            FakeImages.Context context = new FakeImages.Context();
            Image image = FakeImages.u16(512, 512, 0);
            for (int k = 0; k < 300; k++) {
                processor.processImage(image, context.context);
            }
            assertEquals(300, context.output.size(), "every image went on although the service reads nothing");
            SenderStats stats = sender.stats();
            assertTrue(stats.droppedQueueFull > 0, stats.summary());
            sender.close();
            SenderStats closed = sender.stats();
            assertEquals(300, closed.offered);
            assertEquals(300, closed.undelivered() + closed.acknowledged, closed.summary());
        }
    }

    /** Answers the handshake, then never reads a byte. */
    private static void stallAfterHandshake(ServerSocket server) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            in.read(new byte[64]);
            ByteBuffer reply = ByteBuffer.allocate(13).order(ByteOrder.LITTLE_ENDIAN);
            reply.put(WireFormat.MAGIC).putShort((short) 1).put((byte) 0).putInt(1 << 26).putShort((short) 0);
            OutputStream out = socket.getOutputStream();
            out.write(reply.array());
            out.flush();
            Thread.sleep(60_000);
        } catch (Exception e) {
            // the test closes the sender, which ends this
        }
    }

    @Test
    void countsImagesItCannotStreamAndStillPassesThem() throws Exception {
        FrameSender sender = new FrameSender(settings(closedPort(), 4));
        FlowscopeProcessor processor = new FlowscopeProcessor(sender);
        FakeImages.Context context = new FakeImages.Context();
        Image rgb = FakeImages.image(4, 4, 4, 4, new byte[64], 0);
        processor.processImage(rgb, context.context);
        assertSame(rgb, context.output.get(0));
        assertEquals(1, sender.stats().undelivered());
        assertTrue(sender.stats().lastError.contains("4 components"), sender.stats().lastError);
        sender.close();
    }

    @Test
    void readsImageNumberTimeAndPixelSizeFromTheMetadata() {
        OutgoingFrame frame = ImageFrames.from(FakeImages.u16(16, 8, 7));
        assertEquals(7, frame.sequence);
        assertEquals(17_500_000L, frame.timeNs);
        assertEquals(100.0, frame.pixelSizeNm, 1e-9);
        assertEquals(WireFormat.PIXEL_U16, frame.pixelType);
    }
}
