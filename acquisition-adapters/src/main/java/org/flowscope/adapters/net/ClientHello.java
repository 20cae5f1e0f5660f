package org.flowscope.adapters.net;

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
}
