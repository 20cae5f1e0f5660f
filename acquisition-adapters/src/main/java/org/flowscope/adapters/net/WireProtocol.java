package org.flowscope.adapters.net;

import java.util.OptionalDouble;
import org.flowscope.core.frame.PixelType;

/**
 * Constants of the flowscope wire protocol, version 1. The normative description, with byte layouts, is
 * {@code docs/wire-protocol.md}; clients in other languages (the Micro-Manager plugin, Python) implement it from
 * there. All integers are little-endian, strings are UTF-8 prefixed by a u16 byte count.
 */
public final class WireProtocol {
    /** "FSWP": the first four bytes a client sends, and the first four of the service's handshake reply. */
    public static final byte[] MAGIC = {'F', 'S', 'W', 'P'};
    /** The protocol version this service speaks. */
    public static final int VERSION = 1;

    /** Client → service after the handshake: one frame. */
    public static final int MSG_FRAME = 0x01;
    /** Client → service: the stream ends; the service answers {@link #MSG_ACK} once every frame is accepted. */
    public static final int MSG_END = 0x02;
    /** Service → client: i64 number of frames of this connection the service accepted. */
    public static final int MSG_ACK = 0x03;
    /** Service → client: u16 error code, string message; the service closes the connection after it. */
    public static final int MSG_ERROR = 0x7F;

    /** Handshake status: accepted. */
    public static final int OK = 0;
    public static final int ERR_BAD_MAGIC = 1;
    public static final int ERR_UNSUPPORTED_VERSION = 2;
    public static final int ERR_BAD_TOKEN = 3;
    public static final int ERR_FRAME_TOO_LARGE = 4;
    public static final int ERR_BAD_FORMAT = 5;
    public static final int ERR_MALFORMED = 6;
    public static final int ERR_BUSY = 7;
    public static final int ERR_WRONG_OPERATION = 8;
    public static final int ERR_STOPPED = 9;
    /** The client sent nothing for the service's idle timeout after its handshake; the connection is closed. */
    public static final int ERR_IDLE_TIMEOUT = 10;

    /** Pixel type codes on the wire. */
    public static final int PIXEL_U8 = 1;
    public static final int PIXEL_U16 = 2;
    public static final int PIXEL_F32 = 3;

    /** Largest frame header (fixed fields and tags) a service reads. */
    public static final int MAX_HEADER_BYTES = 64 * 1024;
    /** Longest string field. */
    public static final int MAX_STRING_BYTES = 4096;

    private WireProtocol() {
    }

    /** The wire code of {@code type}. */
    public static int code(PixelType type) {
        return switch (type) {
            case U8 -> PIXEL_U8;
            case U16 -> PIXEL_U16;
            case F32 -> PIXEL_F32;
        };
    }

    /**
     * A pixel size from the wire: NaN or 0 mean unknown; anything else must be a positive, finite number of nm.
     * A negative or infinite size is a client bug, not an unknown size, so it is refused rather than dropped.
     *
     * @param where which field, for the message ("handshake", "frame 12")
     * @throws WireProtocolException (MALFORMED) naming the value
     */
    public static OptionalDouble pixelSizeNm(double nm, String where) {
        if (Double.isNaN(nm) || nm == 0) {
            return OptionalDouble.empty();
        }
        if (nm < 0 || Double.isInfinite(nm)) {
            throw new WireProtocolException(ERR_MALFORMED, where + " pixel size " + nm + " nm: it must be positive "
                    + "and finite, or NaN (or 0) when unknown");
        }
        return OptionalDouble.of(nm);
    }

    /**
     * The pixel type of a wire code.
     *
     * @throws WireProtocolException for an unknown code
     */
    public static PixelType pixelType(int code) {
        return switch (code) {
            case PIXEL_U8 -> PixelType.U8;
            case PIXEL_U16 -> PixelType.U16;
            case PIXEL_F32 -> PixelType.F32;
            default -> throw new WireProtocolException(ERR_MALFORMED,
                    "unknown pixel type code " + code + " (1 = u8, 2 = u16, 3 = f32)");
        };
    }
}
