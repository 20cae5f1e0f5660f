package org.flowscope.mmplugin;

import java.nio.charset.Charset;

/**
 * The plugin's side of the flowscope wire protocol v1, written from {@code docs/wire-protocol.md} (the plugin
 * shares the specification with the service, not its code: the service is Java 17, the plugin Java 8).
 * All integers little-endian; strings are UTF-8 with a u16 byte count.
 */
final class WireFormat {
    static final byte[] MAGIC = {'F', 'S', 'W', 'P'};
    static final int VERSION = 1;
    static final int MSG_FRAME = 0x01;
    static final int MSG_END = 0x02;
    static final int MSG_ACK = 0x03;
    static final int MSG_ERROR = 0x7F;
    static final int OK = 0;
    static final int PIXEL_U8 = 1;
    static final int PIXEL_U16 = 2;
    /** Fixed part of a frame header: sequence, time, width, height, pixel type, channel, pixel size, tag count. */
    static final int FRAME_HEADER_BYTES = 8 + 8 + 4 + 4 + 1 + 2 + 8 + 2;
    static final int MAX_STRING_BYTES = 4096;
    static final Charset UTF8 = Charset.forName("UTF-8");

    private WireFormat() {
    }
}
