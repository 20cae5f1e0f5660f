package org.flowscope.mmplugin;

import org.micromanager.data.Image;
import org.micromanager.data.Processor;
import org.micromanager.data.ProcessorContext;

/**
 * Passes every image through unchanged and copies it to flowscope. Nothing here waits on the network: the frame
 * goes into the sender's bounded queue, or is counted as undelivered.
 */
final class FlowscopeProcessor implements Processor {
    private final FrameSender sender;

    FlowscopeProcessor(FrameSender sender) {
        this.sender = sender;
    }

    FrameSender sender() {
        return sender;
    }

    @Override
    public void processImage(Image image, ProcessorContext context) {
        try {
            sender.offer(ImageFrames.from(image));
        } catch (RuntimeException e) {
            // Never let flowscope break the acquisition: the image still goes on, and the loss is counted.
            sender.countUnsendable(e.getMessage());
        } finally {
            context.outputImage(image);
        }
    }

    /** Ends the stream orderly in the background; Micro-Manager's pipeline does not wait for the service. */
    @Override
    public void cleanup(ProcessorContext context) {
        sender.finish();
    }
}
