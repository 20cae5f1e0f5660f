package org.flowscope.core.io.zarr;

import java.io.PrintStream;
import java.nio.file.Path;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.source.PixelData;

/**
 * The process {@link ZarrCrashRecoveryTest} kills: writes a raw u16 OME-Zarr stream (3 frames per chunk) and a result
 * stream of two-frame records into DIR until it is killed, with known pixel values, and reports each frame and record
 * on stdout after its append returned. Usage: {@code ZarrWriterChild DIR}.
 */
public final class ZarrWriterChild {
    static final int RAW_W = 128;
    static final int RAW_H = 96;
    static final int RES_W = 40;
    static final int RES_H = 30;
    static final int FRAMES_PER_WINDOW = 4;
    static final int RECORD = 2;
    static final int RAW_PER_CHUNK = 3;

    private ZarrWriterChild() {
    }

    static short raw(long frame, int i) {
        return (short) ((frame * 131 + i * 7) & 0xFFFF);
    }

    static float result(long window, int frame, int i) {
        return window * 1000f + frame * 100f + i * 0.5f;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        PrintStream out = new PrintStream(System.out, false);
        ZarrStreamWriter raw = ZarrStreamWriter.create(dir.resolve("raw.ome.zarr"), RAW_W, RAW_H, PixelType.U16,
                StackMetadata.of(PixelType.U16, 100, 10), ZarrWriteOptions.named("raw", "raw").withFramesPerChunk(RAW_PER_CHUNK));
        ZarrStreamWriter res = ZarrStreamWriter.create(dir.resolve("result.ome.zarr"), RES_W, RES_H, PixelType.F32,
                StackMetadata.of(PixelType.F32, 20, 40), ZarrWriteOptions.named("result", "esrrf").withFramesPerRecord(RECORD));
        out.println("ready");
        out.flush();
        for (long k = 0; ; k++) {
            short[] px = new short[RAW_W * RAW_H];
            for (int i = 0; i < px.length; i++) {
                px[i] = raw(k, i);
            }
            raw.append(new PixelData.U16(px));
            out.println("raw " + (k + 1));
            if ((k + 1) % FRAMES_PER_WINDOW == 0) {
                long w = (k + 1) / FRAMES_PER_WINDOW - 1;
                for (int f = 0; f < RECORD; f++) {
                    float[] r = new float[RES_W * RES_H];
                    for (int i = 0; i < r.length; i++) {
                        r[i] = result(w, f, i);
                    }
                    res.append(new PixelData.F32(r));
                }
                out.println("win " + (w + 1));
            }
            out.flush();
            Thread.sleep(2);
        }
    }
}
