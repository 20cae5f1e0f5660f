package org.flowscope.app.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Grey-level previews as 8-bit PNG, through {@code javax.imageio} (module java.desktop, which the GPU bundle's jlinked
 * runtime includes; headless, no display needed). 8 bits because browsers draw 8-bit images: the displayed range is
 * chosen here ({@code lo..hi} maps to 0..255, clipped) and reported with the image, so the page's contrast control
 * works on the full 256 levels of that range.
 */
public final class PngImages {
    /** Largest preview side, px: bigger images are reduced by block averaging (a 2048x2048 SR frame becomes 1024x1024). */
    public static final int MAX_SIDE = 1024;
    /** ImageIO's PNG quality: higher is faster and larger (the deflate level falls with it). */
    private static final float FAST_COMPRESSION = 0.75f;

    /**
     * A PNG and the intensity range it shows.
     *
     * @param png    the encoded image
     * @param lo     intensity drawn as 0
     * @param hi     intensity drawn as 255
     * @param width  encoded width, px
     * @param height encoded height, px
     * @param scale  source pixels per encoded pixel along each axis (1 = full resolution)
     */
    public record Png(byte[] png, double lo, double hi, int width, int height, int scale) {
        /** A {@code data:} URL, for self-contained HTML. */
        public String dataUrl() {
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        }
    }

    private PngImages() {
    }

    /** Encodes {@code image} with its 0.1 % and 99.9 % quantiles as black and white (robust to hot pixels). */
    public static Png encode(GrayImage image) {
        double[] q = image.quantiles(0.001, 0.999);
        return encode(image, q[0], q[1]);
    }

    /** Encodes {@code image} with {@code lo} as black and {@code hi} as white. */
    public static Png encode(GrayImage image, double lo, double hi) {
        int scale = Math.max(1, (Math.max(image.width(), image.height()) + MAX_SIDE - 1) / MAX_SIDE);
        int w = Math.max(1, image.width() / scale);
        int h = Math.max(1, image.height() / scale);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        double range = hi > lo ? hi - lo : 1;
        float[] src = image.pixels();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                int n = 0;
                for (int dy = 0; dy < scale; dy++) {
                    int row = (y * scale + dy) * image.width();
                    for (int dx = 0; dx < scale; dx++) {
                        float v = src[row + x * scale + dx];
                        if (Float.isFinite(v)) {
                            sum += v;
                            n++;
                        }
                    }
                }
                double v = n == 0 ? lo : sum / n;
                long level = Math.round((v - lo) / range * 255);
                dst[y * w + x] = (byte) Math.max(0, Math.min(255, level));
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(w * h / 2 + 128);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no PNG writer (javax.imageio)");
        }
        ImageWriter writer = writers.next();
        // an in-memory stream: ImageIO's default file cache registers delete-on-exit files, which fails while the JVM
        // shuts down (a live run stopped by Ctrl-C still writes its report)
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (param.canWriteCompressed()) {
                // previews are transient and local: a light deflate (level 2 rather than ImageIO's default 4)
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(FAST_COMPRESSION);
            }
            writer.write(null, new IIOImage(out, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return new Png(bytes.toByteArray(), lo, hi, w, h, scale);
    }
}
