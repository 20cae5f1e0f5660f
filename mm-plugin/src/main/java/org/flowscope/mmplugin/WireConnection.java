package org.flowscope.mmplugin;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * One connection to a flowscope service: handshake, frames, END and the service's acknowledgement. Not
 * thread-safe; the sender thread owns it.
 *
 * <p>Frames go out through a blocking {@link SocketChannel} from direct buffers, so the pixels are copied once
 * (array to little-endian buffer) before the kernel takes them; the service's few replies are read through the
 * socket's stream, which honours the read timeout.
 */
final class WireConnection implements Closeable {
    private final SocketChannel channel;
    private final Socket socket;
    private final DataInputStream in;
    private final ByteBuffer header = ByteBuffer.allocateDirect(1 + 4 + WireFormat.FRAME_HEADER_BYTES + 4)
            .order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer[] message = new ByteBuffer[2];
    private ByteBuffer payload = ByteBuffer.allocateDirect(0);
    private long sent;

    private WireConnection(SocketChannel channel) throws IOException {
        this.channel = channel;
        this.socket = channel.socket();
        this.in = new DataInputStream(socket.getInputStream());
    }

    /**
     * Connects and performs the handshake announcing the format of {@code first}.
     *
     * @throws WireException when the service refuses (its message included)
     * @throws IOException   when the service cannot be reached
     */
    static WireConnection open(SenderSettings settings, OutgoingFrame first, int timeoutMs) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            Socket socket = channel.socket();
            socket.setTcpNoDelay(true);
            socket.setSendBufferSize(1 << 22);
            socket.connect(new InetSocketAddress(settings.host(), settings.port()), timeoutMs);
            socket.setSoTimeout(timeoutMs);
            WireConnection connection = new WireConnection(channel);
            connection.handshake(settings, first);
            socket.setSoTimeout(0);
            return connection;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void handshake(SenderSettings settings, OutgoingFrame first) throws IOException {
        byte[][] strings = {bytes(settings.token()), bytes(settings.clientName()), bytes(settings.operation()),
                bytes(settings.parameters())};
        int length = 4 + 2 + 2 + 4 + 4 + 1 + 8;
        for (byte[] s : strings) {
            length += 2 + s.length;
        }
        ByteBuffer hello = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        hello.put(WireFormat.MAGIC).putShort((short) WireFormat.VERSION).putShort((short) 0);
        for (byte[] s : strings) {
            hello.putShort((short) s.length).put(s);
        }
        hello.putInt(first.width).putInt(first.height).put((byte) first.pixelType).putDouble(first.pixelSizeNm);
        hello.flip();
        writeFully(hello);

        byte[] magic = new byte[4];
        in.readFully(magic);
        if (!Arrays.equals(magic, WireFormat.MAGIC)) {
            throw new WireException("the peer at " + settings.host() + ":" + settings.port()
                    + " is not a flowscope service (no FSWP reply)");
        }
        int version = Short.reverseBytes(in.readShort()) & 0xFFFF;
        int status = in.readUnsignedByte();
        in.readInt(); // the service's frame size limit
        String message = readString();
        if (status != WireFormat.OK) {
            throw new WireException("the flowscope service (protocol v" + version + ") refused the stream: " + message);
        }
    }

    private static byte[] bytes(String s) {
        byte[] b = s.getBytes(WireFormat.UTF8);
        if (b.length > WireFormat.MAX_STRING_BYTES) {
            throw new IllegalArgumentException("wire strings are at most " + WireFormat.MAX_STRING_BYTES + " bytes");
        }
        return b;
    }

    private String readString() throws IOException {
        int length = Short.reverseBytes(in.readShort()) & 0xFFFF;
        byte[] text = new byte[length];
        in.readFully(text);
        return new String(text, WireFormat.UTF8);
    }

    /** Writes one frame; blocks while the service (through TCP) is not ready for more. */
    void send(OutgoingFrame frame) throws IOException {
        int bytes = frame.payloadBytes();
        header.clear();
        header.put((byte) WireFormat.MSG_FRAME).putInt(WireFormat.FRAME_HEADER_BYTES)
                .putLong(frame.sequence).putLong(frame.timeNs).putInt(frame.width).putInt(frame.height)
                .put((byte) frame.pixelType).putShort((short) frame.channel).putDouble(frame.pixelSizeNm)
                .putShort((short) 0).putInt(bytes);
        header.flip();
        if (payload.capacity() < bytes) {
            payload = ByteBuffer.allocateDirect(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }
        payload.clear();
        if (frame.pixels instanceof short[]) {
            payload.asShortBuffer().put((short[]) frame.pixels);
        } else {
            payload.put((byte[]) frame.pixels);
        }
        payload.position(0);
        payload.limit(bytes);
        message[0] = header;
        message[1] = payload;
        while (payload.hasRemaining()) {
            channel.write(message);
        }
        sent++;
    }

    long sent() {
        return sent;
    }

    /**
     * Sends END and waits for the acknowledgement.
     *
     * @return the number of this connection's frames the service accepted
     */
    long end(int timeoutMs) throws IOException {
        ByteBuffer end = ByteBuffer.allocate(1);
        end.put((byte) WireFormat.MSG_END);
        end.flip();
        writeFully(end);
        socket.setSoTimeout(timeoutMs);
        int type = in.read();
        if (type == WireFormat.MSG_ACK) {
            return Long.reverseBytes(in.readLong());
        }
        throw serviceError(type);
    }

    /**
     * The error the service sent unasked (it closed an idle connection, or is stopping), or null when it sent
     * nothing. Checked before each frame, so that a frame is not written into a connection the service has closed,
     * where it would be lost; the service never sends anything else between the handshake and the ACK.
     */
    String closedByService() {
        try {
            return in.available() > 0 ? pendingError() : null;
        } catch (IOException e) {
            return "connection lost: " + e.getMessage();
        }
    }

    /** After a failed write: the error the service sent before closing, if it did. */
    String pendingError() {
        try {
            socket.setSoTimeout(500);
            return serviceError(in.read()).getMessage();
        } catch (IOException e) {
            return null;
        }
    }

    private WireException serviceError(int type) throws IOException {
        if (type < 0) {
            throw new EOFException("the service closed the connection");
        }
        if (type != WireFormat.MSG_ERROR) {
            return new WireException("unexpected message 0x" + Integer.toHexString(type) + " from the service");
        }
        int code = Short.reverseBytes(in.readShort()) & 0xFFFF;
        return new WireException("service error " + code + ": " + readString());
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
