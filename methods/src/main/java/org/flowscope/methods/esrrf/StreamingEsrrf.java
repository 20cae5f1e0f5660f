package org.flowscope.methods.esrrf;

import org.flowscope.methods.numerics.scenes.SyntheticFrames;

import org.flowscope.core.frame.PixelType;
import org.flowscope.core.source.PixelData;
import org.flowscope.engine.spi.ExecutionContext;

/**
 * An implementation of {@link EsrrfStream} that can open a {@link EsrrfSession} on a device, for a live stream
 * whose frames arrive one at a time.
 */
public interface StreamingEsrrf {
    /**
     * A session for frames of {@code height x width} pixels of {@code pixelType} on the context's device. One-time
     * costs (kernel builds, tables, staging memory) are paid here, not by the first frame.
     */
    EsrrfSession open(EsrrfStreamParams params, int height, int width, PixelType pixelType, ExecutionContext context);

    /** A seeded frame of {@code pixelType} (never all zero), for sessions to warm up on when they open. */
    static PixelData warmUpFrame(PixelType pixelType, int height, int width) {
        float[] f = SyntheticFrames.blinking(1, height, width, 1).data();
        switch (pixelType) {
            case U16 -> {
                short[] s = new short[f.length];
                for (int i = 0; i < f.length; i++) {
                    s[i] = (short) Math.min(65535, Math.max(0, Math.round(f[i])));
                }
                return new PixelData.U16(s);
            }
            case U8 -> {
                byte[] b = new byte[f.length];
                for (int i = 0; i < f.length; i++) {
                    b[i] = (byte) Math.min(255, Math.max(0, Math.round(f[i])));
                }
                return new PixelData.U8(b);
            }
            default -> {
                return new PixelData.F32(f);
            }
        }
    }
}
