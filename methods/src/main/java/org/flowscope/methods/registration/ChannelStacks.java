package org.flowscope.methods.registration;

import java.nio.file.Path;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.TiffStacks;

/**
 * Reads the channels of a registration input as a stack whose frames are the channels: an ImageJ hyperstack or
 * OME-TIFF with channels (and one slice and one time point), or a plain multi-page TIFF (pages = channels). Read by
 * flowscope's bounded TIFF reader ({@link TiffStacks#readChannels}), so BigTIFF works and a malformed file fails with
 * a clear message instead of hanging ImageJ's decoder.
 */
public final class ChannelStacks {
    private ChannelStacks() {
    }

    public static ImageStack read(Path file) {
        return TiffStacks.readChannels(file).stack();
    }
}
