package org.flowscope.core.io.zarr;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.io.FrameStackReader;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.source.PixelData;

/**
 * Reads the frames of an OME-Zarr image (OME-NGFF 0.4, Zarr v2) or of a bare Zarr v2 array: the full-resolution
 * dataset of an image whose axes are a subset of t, c, z, y, x with c and z of size 1 (or an array of rank 2 or 3,
 * read as y/x or t/y/x), u8/u16/f32 in either byte order, uncompressed, zlib or gzip, in any chunking (spatial tiles
 * included; a missing chunk is fill). Pixel size and frame interval come from the multiscales' scale and axis units.
 *
 * <p>Every chunk is checked against its expected size before use, so a damaged store is rejected with the chunk's
 * name, never read past. Zarr v3 stores (OME-NGFF 0.5) are refused by name. Not thread-safe.
 */
public final class ZarrStackReader implements FrameStackReader {
    /** Decoded chunks kept for the next frames (a chunk holds several frames), within this many bytes. */
    private static final long CACHE_BYTES = 256L << 20;

    private final Path store;
    private final Path array;
    private final ZarrArrayMetadata meta;
    private final StackMetadata metadata;
    private final int tAxis;
    private final int yAxis;
    private final int xAxis;
    private final int frames;
    private final String status;
    private final Map<String, ByteBuffer> cache;

    private ZarrStackReader(Path store, Path array, ZarrArrayMetadata meta, StackMetadata metadata, List<String> axes,
                            String status) {
        this.store = store;
        this.array = array;
        this.meta = meta;
        this.metadata = metadata;
        this.tAxis = axes.indexOf("t");
        this.yAxis = axes.indexOf("y");
        this.xAxis = axes.indexOf("x");
        this.status = status;
        for (int a = 0; a < axes.size(); a++) {
            if (a != tAxis && a != yAxis && a != xAxis && meta.shape(a) != 1) {
                throw new IllegalArgumentException("axis '" + axes.get(a) + "' of " + store + " has " + meta.shape(a)
                        + " entries; flowscope replays a single channel, single plane time series");
            }
        }
        long t = tAxis < 0 ? 1 : meta.shape(tAxis);
        if (t > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(store + " has " + t + " frames, more than " + Integer.MAX_VALUE);
        }
        this.frames = (int) t;
        if (meta.shape(yAxis) < 1 || meta.shape(xAxis) < 1
                || meta.shape(yAxis) * meta.shape(xAxis) * meta.pixelType().bytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("frame of " + meta.shape(xAxis) + "x" + meta.shape(yAxis) + " in " + store
                    + " is empty or exceeds 2 GiB");
        }
        int entries = (int) Math.max(1, Math.min(1024, CACHE_BYTES / Math.max(1, meta.chunkBytes())));
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ByteBuffer> eldest) {
                return size() > entries;
            }
        };
    }

    /** Whether {@code path} looks like a Zarr store (a folder with Zarr v2 or v3 metadata). */
    public static boolean isZarr(Path path) {
        return Files.isDirectory(path) && (Files.isRegularFile(path.resolve(NgffImage.ATTRS))
                || Files.isRegularFile(path.resolve(ZarrArrayMetadata.FILE))
                || Files.isRegularFile(path.resolve(NgffImage.GROUP)) || Files.isRegularFile(path.resolve("zarr.json")));
    }

    /** Opens and validates a store; throws {@link IllegalArgumentException} when it is not a usable image. */
    public static ZarrStackReader open(Path store) {
        if (!Files.isDirectory(store)) {
            throw new IllegalArgumentException("not an OME-Zarr folder: " + store);
        }
        if (Files.isRegularFile(store.resolve("zarr.json"))) {
            throw new IllegalArgumentException(store + " is a Zarr v3 store (OME-NGFF 0.5); flowscope reads"
                    + " OME-NGFF 0.4 (Zarr v2)");
        }
        Path attrsFile = store.resolve(NgffImage.ATTRS);
        if (Files.isRegularFile(store.resolve(ZarrArrayMetadata.FILE))) {
            ZarrArrayMetadata meta = ZarrArrayMetadata.parse(ZarrFiles.readJson(store.resolve(ZarrArrayMetadata.FILE)),
                    store.resolve(ZarrArrayMetadata.FILE));
            List<String> axes = switch (meta.rank()) {
                case 2 -> List.of("y", "x");
                case 3 -> List.of("t", "y", "x");
                default -> throw new IllegalArgumentException("a bare Zarr array of rank " + meta.rank() + " in " + store
                        + " has no axes to tell time from space; give an OME-Zarr image (with multiscales)");
            };
            return new ZarrStackReader(store, store, meta, StackMetadata.of(meta.pixelType()), axes, "");
        }
        if (!Files.isRegularFile(attrsFile)) {
            throw new IllegalArgumentException("no .zattrs or .zarray in " + store + ": not a Zarr v2 store");
        }
        JsonNode attrs = ZarrFiles.readJson(attrsFile);
        JsonNode ms = attrs.path("multiscales").path(0);
        String path = ms.path("datasets").path(0).path("path").asText("");
        if (path.isEmpty() || path.contains("..") || path.startsWith("/")) {
            throw new IllegalArgumentException("no usable multiscales dataset path ('" + path + "') in " + attrsFile
                    + ": not an OME-Zarr image");
        }
        Path array = store.resolve(path);
        Path zarray = array.resolve(ZarrArrayMetadata.FILE);
        ZarrArrayMetadata meta = ZarrArrayMetadata.parse(ZarrFiles.readJson(zarray), zarray);
        NgffImage.Parsed img = NgffImage.parse(attrs, meta.pixelType(), attrsFile);
        if (img.axes().size() != meta.rank()) {
            throw new IllegalArgumentException(attrsFile + " names " + img.axes().size() + " axes " + img.axes()
                    + " but the array " + zarray + " has rank " + meta.rank());
        }
        return new ZarrStackReader(store, array, meta, img.metadata(), img.axes(),
                attrs.path("flowscope").path("status").asText(""));
    }

    @Override
    public Path file() {
        return store;
    }

    @Override
    public int width() {
        return (int) meta.shape(xAxis);
    }

    @Override
    public int height() {
        return (int) meta.shape(yAxis);
    }

    @Override
    public int frameCount() {
        return frames;
    }

    @Override
    public PixelType pixelType() {
        return meta.pixelType();
    }

    @Override
    public StackMetadata metadata() {
        return metadata;
    }

    /** flowscope's status of the store ({@code complete}, {@code recovered}, {@code writing}), empty for others'. */
    public String status() {
        return status;
    }

    @Override
    public PixelData readFrame(int index) {
        if (index < 0 || index >= frames) {
            throw new IllegalArgumentException("frame index " + index + " outside [0, " + frames + ")");
        }
        int w = width();
        int h = height();
        int bytes = meta.pixelType().bytes();
        ByteBuffer frame = ByteBuffer.allocate(w * h * bytes).order(meta.byteOrder());
        int rank = meta.rank();
        int cy = meta.chunk(yAxis);
        int cx = meta.chunk(xAxis);
        long[] idx = new long[rank];
        if (tAxis >= 0) {
            idx[tAxis] = index / meta.chunk(tAxis);
        }
        // element offset of (t within chunk, y, x) in a C-ordered chunk; axes of size 1 contribute 0
        long rowStride = cx;
        long tStride = 1;
        for (int a = tAxis + 1; a < rank; a++) {
            tStride *= meta.chunk(a);
        }
        long tOffset = tAxis < 0 ? 0 : (index % meta.chunk(tAxis)) * tStride;
        for (long ty = 0; ty * cy < h; ty++) {
            for (long tx = 0; tx * cx < w; tx++) {
                idx[yAxis] = ty;
                idx[xAxis] = tx;
                ByteBuffer chunk = chunk(idx);
                int rows = (int) Math.min(cy, h - ty * cy);
                int cols = (int) Math.min(cx, w - tx * cx);
                for (int r = 0; r < rows; r++) {
                    int dst = (int) (((ty * cy + r) * w + tx * cx) * bytes);
                    if (chunk == null) {
                        fill(frame, dst, cols);
                    } else {
                        int src = (int) ((tOffset + r * rowStride) * bytes);
                        frame.put(dst, chunk, src, cols * bytes);
                    }
                }
            }
        }
        return toPixels(frame, w * h);
    }

    private void fill(ByteBuffer frame, int at, int n) {
        for (int i = 0; i < n; i++) {
            switch (meta.pixelType()) {
                case U8 -> frame.put(at + i, (byte) meta.fill());
                case U16 -> frame.putShort(at + 2 * i, (short) meta.fill());
                case F32 -> frame.putFloat(at + 4 * i, (float) meta.fill());
                default -> throw new IllegalStateException();
            }
        }
    }

    private PixelData toPixels(ByteBuffer frame, int n) {
        frame.position(0);
        return switch (meta.pixelType()) {
            case U8 -> new PixelData.U8(frame.array());
            case U16 -> {
                short[] s = new short[n];
                frame.asShortBuffer().get(s);
                yield new PixelData.U16(s);
            }
            case F32 -> {
                float[] f = new float[n];
                frame.asFloatBuffer().get(f);
                yield new PixelData.F32(f);
            }
        };
    }

    /** The decoded chunk at {@code idx}, or null when it was never written (fill). */
    private ByteBuffer chunk(long[] idx) {
        String key = meta.chunkKey(idx);
        ByteBuffer cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Path p = array.resolve(key);
        if (!Files.isRegularFile(p)) {
            return null;
        }
        long expected = meta.chunkBytes();
        try {
            byte[] data;
            if (meta.compressor() == null) {
                long size = Files.size(p);
                if (size != expected) {
                    throw new IllegalArgumentException("chunk " + p + " holds " + size + " bytes, expected " + expected
                            + " (damaged or still being written)");
                }
                data = Files.readAllBytes(p);
            } else {
                try (InputStream raw = Files.newInputStream(p);
                     InputStream in = "gzip".equals(meta.compressor()) ? new GZIPInputStream(raw) : new InflaterInputStream(raw)) {
                    data = in.readNBytes((int) expected + 1);
                }
                if (data.length != expected) {
                    throw new IllegalArgumentException("chunk " + p + " decompresses to " + data.length
                            + (data.length > expected ? "+" : "") + " bytes, expected " + expected);
                }
            }
            ByteBuffer b = ByteBuffer.wrap(data).order(meta.byteOrder());
            cache.put(key, b);
            return b;
        } catch (java.util.zip.ZipException e) {
            throw new IllegalArgumentException("chunk " + p + " cannot be decompressed (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    @Override
    public void close() {
        cache.clear();
    }
}
