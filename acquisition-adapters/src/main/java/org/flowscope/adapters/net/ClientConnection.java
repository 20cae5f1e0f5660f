package org.flowscope.adapters.net;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.OptionalDouble;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.flowscope.core.frame.FrameMetadata;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.source.PixelData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client of a {@link ServedFrameSource}, on its own thread: handshake, then frames read into a few
 * per-connection slots that the source's run thread hands to the pipeline and returns. A client that sends
 * faster than the pipeline takes frames waits for a free slot, so backpressure reaches it through TCP.
 * Every failure ends this connection only, with an error message to the client when the socket still works.
 *
 * <p>The handshake is read through the socket's stream (unbuffered, so nothing is read ahead, and with a
 * timeout); frames are read through the channel into direct buffers, so that the pixels are copied once, from
 * the little-endian buffer into the typed array the pipeline copies from.
 */
final class ClientConnection implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);
    private static final int SLOTS = 3;
    private static final int FIXED_HEADER_BYTES = 8 + 8 + 4 + 4 + 1 + 2 + 8 + 2;

    private final ServedFrameSource service;
    private final SocketChannel channel;
    private final Socket socket;
    private final String remote;
    private final BlockingQueue<FrameSlot> free = new ArrayBlockingQueue<>(SLOTS);
    private final ByteBuffer prefix = ByteBuffer.allocateDirect(5).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer header = ByteBuffer.allocateDirect(WireProtocol.MAX_HEADER_BYTES + 4)
            .order(ByteOrder.LITTLE_ENDIAN);
    private String name;
    private ClientHello hello;
    private long received;
    private long accepted;
    private boolean midFrame;
    private OutputStream out;
    /** When the client last sent a byte (or completed its handshake); read by the service's idle watchdog. */
    private volatile long lastInputNanos = System.nanoTime();
    /** True only while this thread waits for bytes from the client, so backpressure waits never count as idle. */
    private volatile boolean waitingOnClient;
    private volatile boolean admittedForIdle;
    private volatile boolean closedIdle;

    ClientConnection(ServedFrameSource service, SocketChannel channel) {
        this.service = service;
        this.channel = channel;
        this.socket = channel.socket();
        this.remote = String.valueOf(socket.getRemoteSocketAddress());
        this.name = remote;
    }

    /** A frame ready for the pipeline. */
    record Received(FrameMetadata metadata, PixelData pixels, ClientConnection owner, Object slot) {
    }

    String name() {
        return name;
    }

    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing {}: {}", name, e.getMessage());
        }
    }

    /**
     * Whether the client has kept the service waiting for its next bytes longer than {@code timeoutNanos}. Waits
     * on the pipeline (backpressure, the ACK after END) are not idleness: the service, not the client, is slow.
     */
    boolean idleLongerThan(long timeoutNanos, long nowNanos) {
        return admittedForIdle && waitingOnClient && !closedIdle && nowNanos - lastInputNanos > timeoutNanos;
    }

    /**
     * Called by the watchdog: shutting the input down wakes the thread blocked in its read with an end of stream,
     * and leaves the output open, so that this thread can still tell the client why before it closes.
     */
    void closeIdle() {
        closedIdle = true;
        try {
            channel.shutdownInput();
        } catch (IOException e) {
            LOG.debug("shutting down the input of idle client {}: {}", name, e.getMessage());
            close();
        }
    }

    /** Thrown by the reads when the watchdog closed the input of an idle connection. */
    private static final class IdleTimeout extends EOFException {
        IdleTimeout() {
            super("idle timeout");
        }
    }

    private void tellIdleClientAndClose() {
        long ms = service.config().idleTimeoutMs();
        String reason = "no message from the client for " + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms")
                + " (the idle timeout, --idle-timeout) after " + received + " frames"
                + (midFrame ? ", in the middle of a frame" : "")
                + "; the connection is closed so that it does not hold one of the service's "
                + service.config().maxClients() + " client slots";
        service.counters().clientTimedOut(midFrame);
        LOG.warn("closed idle client {}: {}", name, reason);
        writeError(out, WireProtocol.ERR_IDLE_TIMEOUT, reason);
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            LOG.debug("closing idle client {}: {}", name, e.getMessage());
        }
    }

    /** Gives back the slot of a frame that was never handed over (the run failed or ended). */
    void frameDiscarded(Object slot) {
        free.add((FrameSlot) slot);
    }

    /** Called by the run thread once the consumer has copied the frame. */
    void frameAccepted(Object slot) {
        free.add((FrameSlot) slot);
        synchronized (this) {
            accepted++;
            notifyAll();
        }
    }

    @Override
    public void run() {
        boolean admitted = false;
        try (channel) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(service.config().handshakeTimeoutMs());
            DataInputStream in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            try {
                hello = ClientHello.read(in);
                name = hello.clientName().isEmpty() ? remote : hello.clientName() + " (" + remote + ")";
                service.admit(hello);
                admitted = true;
            } catch (WireProtocolException e) {
                service.counters().clientRejected();
                LOG.warn("refused client {}: {}", name, e.getMessage());
                writeHandshake(out, e.code(), e.getMessage());
                drainBeforeClose(in);
                return;
            }
            writeHandshake(out, WireProtocol.OK, "flowscope service ready");
            socket.setSoTimeout(0);
            lastInputNanos = System.nanoTime();
            admittedForIdle = true;
            LOG.info("client {} streams {}x{} {}{}", name, hello.width(), hello.height(), hello.pixelType(),
                    hello.parameters().isEmpty() ? "" : " with parameters '" + hello.parameters() + "'");
            for (int i = 0; i < SLOTS; i++) {
                free.add(new FrameSlot(hello.pixelType(), hello.width() * hello.height()));
            }
            try {
                serve(in, out);
            } catch (IdleTimeout e) {
                // Inside the try: the channel closes when it is left, and the client must be told first.
                tellIdleClientAndClose();
            }
        } catch (EOFException e) {
            service.counters().clientDropped(midFrame);
            LOG.warn("client {} disconnected {}after {} frames", name, midFrame ? "in the middle of a frame " : "", received);
        } catch (IOException e) {
            if (service.stopping()) {
                LOG.debug("client {} closed by the service stopping: {}", name, e.getMessage());
            } else {
                service.counters().clientDropped(midFrame);
                LOG.warn("client {} connection failed after {} frames: {}", name, received, e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("client {} handler failed", name, e);
        } finally {
            service.clientGone(this, admitted);
        }
    }

    private void serve(DataInputStream in, OutputStream out) throws IOException, InterruptedException {
        try {
            while (true) {
                int type = readType();
                if (type < 0) {
                    service.counters().clientDropped(false);
                    LOG.warn("client {} closed its connection without END after {} frames", name, received);
                    return;
                }
                if (type == WireProtocol.MSG_FRAME) {
                    readFrame();
                } else if (type == WireProtocol.MSG_END) {
                    long count = awaitAccepted();
                    ByteBuffer ack = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN);
                    ack.put((byte) WireProtocol.MSG_ACK).putLong(count);
                    out.write(ack.array());
                    out.flush();
                    LOG.info("client {} ended its stream: {} frames accepted", name, count);
                    service.clientEnded();
                    return;
                } else {
                    throw new WireProtocolException(WireProtocol.ERR_MALFORMED,
                            "unknown message type 0x" + Integer.toHexString(type) + " after " + received + " frames");
                }
            }
        } catch (WireProtocolException e) {
            service.counters().protocolError();
            LOG.warn("client {} broke the protocol after {} frames: {}", name, received, e.getMessage());
            writeError(out, e.code(), e.getMessage());
            drainBeforeClose(in);
        }
    }

    /**
     * Closing a socket with unread input resets the connection, and the reset can destroy the error message
     * before the client reads it. So: half-close, then discard what the client still sends, briefly.
     */
    private void drainBeforeClose(DataInputStream in) {
        try {
            socket.shutdownOutput();
            socket.setSoTimeout(200);
            long deadline = System.nanoTime() + 1_000_000_000L;
            byte[] sink = new byte[1 << 16];
            while (System.nanoTime() < deadline && in.read(sink) >= 0) {
                // discard
            }
        } catch (IOException e) {
            LOG.debug("draining {} before close: {}", name, e.getMessage());
        }
    }

    /** The next message type, or -1 at a clean end of stream. */
    private int readType() throws IOException {
        prefix.clear().limit(1);
        waitingOnClient = true;
        try {
            while (prefix.hasRemaining()) {
                if (read(prefix) < 0) {
                    return -1;
                }
            }
        } finally {
            waitingOnClient = false;
        }
        return prefix.get(0) & 0xFF;
    }

    private void fill(ByteBuffer buffer) throws IOException {
        waitingOnClient = true;
        try {
            while (buffer.hasRemaining()) {
                if (read(buffer) < 0) {
                    throw new EOFException("end of stream");
                }
            }
        } finally {
            waitingOnClient = false;
        }
    }

    /** One channel read; an end of stream caused by the idle watchdog becomes {@link IdleTimeout}. */
    private int read(ByteBuffer buffer) throws IOException {
        int n = channel.read(buffer);
        if (n > 0) {
            lastInputNanos = System.nanoTime();
        } else if (n < 0 && closedIdle) {
            throw new IdleTimeout();
        }
        return n;
    }

    private void readFrame() throws IOException, InterruptedException {
        midFrame = true;
        prefix.clear().limit(4);
        fill(prefix);
        int headerLength = prefix.getInt(0);
        if (headerLength < FIXED_HEADER_BYTES || headerLength > WireProtocol.MAX_HEADER_BYTES) {
            throw new WireProtocolException(WireProtocol.ERR_MALFORMED, "frame header of " + headerLength
                    + " bytes; it must be in [" + FIXED_HEADER_BYTES + ", " + WireProtocol.MAX_HEADER_BYTES + "]");
        }
        // The header and the payload length that follows it, in one read.
        header.clear().limit(headerLength + 4);
        fill(header);
        ByteBuffer h = header.flip();
        long sequence = h.getLong();
        long timeNs = h.getLong();
        int width = h.getInt();
        int height = h.getInt();
        PixelType type = WireProtocol.pixelType(h.get() & 0xFF);
        int channel = h.getShort() & 0xFFFF;
        OptionalDouble pixelSizeNm = WireProtocol.pixelSizeNm(h.getDouble(), "frame " + received);
        if (width != hello.width() || height != hello.height() || type != hello.pixelType()) {
            throw new WireProtocolException(WireProtocol.ERR_BAD_FORMAT, "frame " + received + " is " + width + "x"
                    + height + " " + type + " but the handshake announced " + hello.width() + "x" + hello.height()
                    + " " + hello.pixelType() + "; reconnect to change the format");
        }
        long payload = Integer.toUnsignedLong(header.getInt(headerLength));
        if (payload > service.config().maxFrameBytes()) {
            service.counters().frameRefused();
            throw new WireProtocolException(WireProtocol.ERR_FRAME_TOO_LARGE, "frame of " + payload
                    + " bytes exceeds this service's limit of " + service.config().maxFrameBytes() + " bytes");
        }
        long expected = (long) width * height * type.bytes();
        if (payload != expected) {
            throw new WireProtocolException(WireProtocol.ERR_MALFORMED, "frame payload of " + payload
                    + " bytes; " + width + "x" + height + " " + type + " needs " + expected);
        }
        if (!service.reserveFrame()) {
            service.counters().frameRefused();
            throw new WireProtocolException(WireProtocol.ERR_STOPPED, "the service has stopped taking frames "
                    + "(frame limit reached or shutting down)");
        }
        FrameSlot slot = takeFreeSlot();
        try {
            fill(slot.raw);
        } catch (IOException e) {
            slot.raw.clear();
            free.add(slot);
            throw e;
        }
        midFrame = false;
        slot.decode();
        received++;
        FrameMetadata metadata = new FrameMetadata(sequence, timeNs, width, height, type,
                pixelSizeNm, channel, "net:" + (hello.clientName().isEmpty() ? remote : hello.clientName()));
        service.enqueue(new Received(metadata, slot.pixels, this, slot));
    }

    private FrameSlot takeFreeSlot() throws InterruptedException, IOException {
        while (true) {
            FrameSlot slot = free.poll(100, TimeUnit.MILLISECONDS);
            if (slot != null) {
                return slot;
            }
            if (service.stopping()) {
                throw new IOException("service stopping");
            }
        }
    }

    private synchronized long awaitAccepted() throws InterruptedException {
        while (accepted < received && !service.runEnded()) {
            wait(100);
        }
        return accepted;
    }

    private void writeHandshake(OutputStream out, int status, String message) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        ByteBuffer reply = ByteBuffer.allocate(4 + 2 + 1 + 4 + 2 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        reply.put(WireProtocol.MAGIC).putShort((short) WireProtocol.VERSION).put((byte) status)
                .putInt((int) service.config().maxFrameBytes()).putShort((short) text.length).put(text);
        send(out, reply.array());
    }

    private void writeError(OutputStream out, int code, String message) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(text.length, WireProtocol.MAX_STRING_BYTES);
        ByteBuffer error = ByteBuffer.allocate(1 + 2 + 2 + length).order(ByteOrder.LITTLE_ENDIAN);
        error.put((byte) WireProtocol.MSG_ERROR).putShort((short) code).putShort((short) length).put(text, 0, length);
        send(out, error.array());
    }

    private void send(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            LOG.debug("could not tell client {}: {}", name, e.getMessage());
        }
    }
}
