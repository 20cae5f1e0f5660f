package org.flowscope.mmplugin;

import java.io.IOException;

/** The flowscope service refused the stream or reported an error; the message is the service's. */
public class WireException extends IOException {
    public WireException(String message) {
        super(message);
    }
}
