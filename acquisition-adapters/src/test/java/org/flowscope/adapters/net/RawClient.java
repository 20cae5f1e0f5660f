package org.flowscope.adapters.net;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A hand-written wire client for the misbehaving cases; follows docs/wire-protocol.md byte by byte. */
final class RawClient implements AutoCloseable {
    final Socket socket;
    final OutputStream out;
    final DataInputStream in;

    RawClient(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.connect(address, 2_000);
        socket.setSoTimeout(5_000);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
    }

    static byte[] hello(byte[] magic, int version, String token, int width, int height, int pixelType) {
        return hello(magic, version, token, width, height, pixelType, Double.NaN);
    }

    static byte[] hello(byte[] magic, int version, String token, int width, int height, int pixelType,
                        double pixelSizeNm) {
        byte[][] strings = {token.getBytes(StandardCharsets.UTF_8), "raw".getBytes(StandardCharsets.UTF_8), new byte[0],
                new byte[0]};
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        b.put(magic).putShort((short) version).putShort((short) 0);
        for (byte[] s : strings) {
            b.putShort((short) s.length).put(s);
        }
        b.putInt(width).putInt(height).put((byte) pixelType).putDouble(pixelSizeNm);
        byte[] bytes = new byte[b.position()];
        b.flip().get(bytes);
        return bytes;
    }

    static byte[] frameHeader(long sequence, int width, int height, int pixelType, long payloadBytes) {
        return frameHeader(sequence, width, height, pixelType, payloadBytes, Double.NaN);
    }

    static byte[] frameHeader(long sequence, int width, int height, int pixelType, long payloadBytes,
                              double pixelSizeNm) {
        ByteBuffer b = ByteBuffer.allocate(1 + 4 + 37 + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) WireProtocol.MSG_FRAME).putInt(37).putLong(sequence).putLong(sequence * 1000).putInt(width)
                .putInt(height).put((byte) pixelType).putShort((short) 0).putDouble(pixelSizeNm).putShort((short) 0)
                .putInt((int) payloadBytes);
        return b.array();
    }

    /** Reads the handshake reply: returns {status, message}. */
    Object[] handshakeReply() throws IOException {
        byte[] magic = new byte[4];
        in.readFully(magic);
        in.readShort();
        int status = in.readUnsignedByte();
        in.readInt();
        int length = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        byte[] text = new byte[length];
        in.readFully(text);
        return new Object[] {status, new String(text, StandardCharsets.UTF_8), new String(magic, StandardCharsets.US_ASCII)};
    }

    /** Reads an ERROR message: returns {code, message}. */
    Object[] error() throws IOException {
        int type = in.readUnsignedByte();
        if (type != WireProtocol.MSG_ERROR) {
            throw new IOException("expected ERROR, got 0x" + Integer.toHexString(type));
        }
        int code = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        int length = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        byte[] text = new byte[length];
        in.readFully(text);
        return new Object[] {code, new String(text, StandardCharsets.UTF_8)};
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
