package org.flowscope.app.preview;

import org.flowscope.app.image.GrayImage;
import org.flowscope.app.image.PngImages;

/**
 * The latest image of one kind (reconstruction or raw frame), latest wins: an offer replaces the previous image; the
 * PNG is encoded only when a browser is watching, on the hub's encoder thread, never on the offering (pipeline) thread.
 * Thread-safe.
 */
final class ImageSlot {
    private final String name;
    private GrayImage image;
    private String label;
    private long offered;
    private long encodedVersion;
    private PngImages.Png png;
    private PreviewEvent.ImageInfo info;
    private long superseded;
    private long encodings;

    ImageSlot(String name) {
        this.name = name;
    }

    /** A new image (the caller's copy, handed over); replaces one not yet encoded, which counts as superseded when watched. */
    synchronized void offer(GrayImage img, String what, boolean watched) {
        if (watched && image != null && encodedVersion != offered) {
            superseded++;
        }
        image = img;
        label = what;
        offered++;
    }

    /** Encodes the latest image if it changed since the last encoding; returns its description (null before any). */
    PreviewEvent.ImageInfo encodeLatest() {
        GrayImage img;
        String what;
        long version;
        synchronized (this) {
            if (image == null) {
                return null;
            }
            if (encodedVersion == offered) {
                return info;
            }
            img = image;
            what = label;
            version = offered;
        }
        // encoding takes milliseconds for large frames: outside the lock, so offers never wait for it
        PngImages.Png p = PngImages.encode(img);
        synchronized (this) {
            if (version > encodedVersion) {
                png = p;
                encodedVersion = version;
                encodings++;
                info = new PreviewEvent.ImageInfo(version, "image/" + name + ".png?v=" + version, what, p.lo(), p.hi(),
                        img.width(), img.height(), p.scale());
            }
            return info;
        }
    }

    /** The latest encoded image's description, or null (never encodes). */
    synchronized PreviewEvent.ImageInfo info() {
        return info;
    }

    /** Whether an image waits to be encoded. */
    synchronized boolean stale() {
        return image != null && encodedVersion != offered;
    }

    /** The latest encoded PNG, or null. */
    synchronized byte[] png() {
        return png == null ? null : png.png();
    }

    synchronized long superseded() {
        return superseded;
    }

    synchronized long encodings() {
        return encodings;
    }
}
