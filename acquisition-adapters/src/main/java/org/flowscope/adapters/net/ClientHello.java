package org.flowscope.adapters.net;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.flowscope.core.frame.PixelType;

/**
 * A client's handshake: who it is, what it asks for, and the format of every frame it will send.
 *
 * @param version     protocol version the client speaks
 * @param token       the shared secret it presents (empty when none)
 * @param clientName  a label for logs ("mm-plugin 0.1 on scope-3")
 * @param operation   the operation it wants to feed, empty for whatever the service runs
 * @param parameters  free-form parameters it sends along (logged)
 * @param width       frame columns
 * @param height      frame rows
 * @param pixelType   frame pixel type
 * @param pixelSizeNm pixel size in nm, NaN when unknown
 */
record ClientHello(int version, String token, String clientName, String operation, String parameters, int width,
                   int height, PixelType pixelType, double pixelSizeNm) {

    /**
     * Reads a handshake (docs/wire-protocol.md, section 1) from an unbuffered stream with a read timeout.
     *
     * @throws WireProtocolException naming the field and value the service refuses
     */
    static ClientHello read(DataInputStream in) throws IOException {
        byte[] magic = new byte[4];
        in.readFully(magic);
        if (!Arrays.equals(magic, WireProtocol.MAGIC)) {
            throw new WireProtocolException(WireProtocol.ERR_BAD_MAGIC, "not a flowscope wire stream: expected magic "
                    + "'FSWP' (46535750), got " + HexFormat.of().formatHex(magic) + "; see docs/wire-protocol.md");
        }
        int version = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        if (version != WireProtocol.VERSION) {
            throw new WireProtocolException(WireProtocol.ERR_UNSUPPORTED_VERSION, "the client speaks wire protocol v"
                    + version + "; this service speaks v" + WireProtocol.VERSION);
        }
        in.readShort(); // flags, reserved in v1
        String token = readString(in);
        String client = readString(in);
        String operation = readString(in);
        String parameters = readString(in);
        int width = Integer.reverseBytes(in.readInt());
        int height = Integer.reverseBytes(in.readInt());
        PixelType type = WireProtocol.pixelType(in.readUnsignedByte());
        double pixelSizeNm = Double.longBitsToDouble(Long.reverseBytes(in.readLong()));
        if (width <= 0 || height <= 0) {
            throw new WireProtocolException(WireProtocol.ERR_MALFORMED, "frame size must be positive, got "
                    + Integer.toUnsignedString(width) + "x" + Integer.toUnsignedString(height));
        }
        WireProtocol.pixelSizeNm(pixelSizeNm, "handshake");
        return new ClientHello(version, token, client, operation, parameters, width, height, type, pixelSizeNm);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        if (length > WireProtocol.MAX_STRING_BYTES) {
            throw new WireProtocolException(WireProtocol.ERR_MALFORMED,
                    "string of " + length + " bytes; at most " + WireProtocol.MAX_STRING_BYTES);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

