package org.flowscope.core.io.zarr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.flowscope.core.frame.PixelType;

/**
 * The {@code .zarray} of a Zarr v2 array (the format of OME-NGFF 0.4): its shape, chunk shape, data type, byte
 * order, compressor and chunk-key separator. flowscope writes uncompressed, C-ordered, little-endian arrays with
 * {@code "/"} as the separator (NGFF 0.4 requires it); it reads any array of u8, u16 or f32 in either byte order,
 * uncompressed or compressed with {@code zlib} or {@code gzip} (the codecs the JDK has). Other codecs (Blosc, Zstd,
 * LZ4) and filters are refused by name: they need native libraries.
 *
 * @param shape      array shape, slowest axis first
 * @param chunks     chunk shape, same rank
 * @param pixelType  element type
 * @param byteOrder  byte order of the stored elements
 * @param compressor numcodecs id of the compressor ({@code zlib}, {@code gzip}) or null for none
 * @param fill       value of elements in chunks that were never written
 * @param separator  chunk-key separator, {@code "/"} or {@code "."}
 */
public record ZarrArrayMetadata(long[] shape, int[] chunks, PixelType pixelType, ByteOrder byteOrder, String compressor,
                                double fill, String separator) {
    /** File name of an array's metadata in Zarr v2. */
    public static final String FILE = ".zarray";

    public ZarrArrayMetadata {
        if (shape.length != chunks.length || shape.length == 0) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " and chunks " + Arrays.toString(chunks)
                    + " must have the same, non-zero rank");
        }
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0 || chunks[i] < 1) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " must be >= 0 and chunks "
                        + Arrays.toString(chunks) + " >= 1");
            }
        }
        if (!"/".equals(separator) && !".".equals(separator)) {
            throw new IllegalArgumentException("dimension_separator must be '/' or '.', got '" + separator + "'");
        }
        shape = shape.clone();
        chunks = chunks.clone();
    }

    /** An uncompressed little-endian array as flowscope writes it. */
    public static ZarrArrayMetadata uncompressed(long[] shape, int[] chunks, PixelType type) {
        return new ZarrArrayMetadata(shape, chunks, type, ByteOrder.LITTLE_ENDIAN, null, 0, "/");
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public int[] chunks() {
        return chunks.clone();
    }

    public int rank() {
        return shape.length;
    }

    public long shape(int axis) {
        return shape[axis];
    }

    public int chunk(int axis) {
        return chunks[axis];
    }

    /** The same array with another extent along axis 0 (the time axis a stream grows along). */
    public ZarrArrayMetadata withLength(long length) {
        long[] s = shape.clone();
        s[0] = length;
        return new ZarrArrayMetadata(s, chunks, pixelType, byteOrder, compressor, fill, separator);
    }

    /** Bytes of one whole chunk, uncompressed. */
    public long chunkBytes() {
        long n = pixelType.bytes();
        for (int c : chunks) {
            n *= c;
        }
        return n;
    }

    /** The key (path relative to the array folder) of the chunk at grid position {@code index}. */
    public String chunkKey(long... index) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < index.length; i++) {
            if (i > 0) {
                b.append(separator);
            }
            b.append(index[i]);
        }
        return b.toString();
    }

    /** Numpy's type string: {@code |u1}, {@code <u2}, {@code <f4} (or {@code >} for big-endian). */
    public String dtype() {
        if (pixelType == PixelType.U8) {
            return "|u1";
        }
        String order = byteOrder == ByteOrder.LITTLE_ENDIAN ? "<" : ">";
        return order + (pixelType == PixelType.U16 ? "u2" : "f4");
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("zarr_format", 2);
        ArrayNode s = o.putArray("shape");
        for (long v : shape) {
            s.add(v);
        }
        ArrayNode c = o.putArray("chunks");
        for (int v : chunks) {
            c.add(v);
        }
        o.put("dtype", dtype());
        if (compressor == null) {
            o.putNull("compressor");
        } else {
            o.putObject("compressor").put("id", compressor);
        }
        if (pixelType == PixelType.F32) {
            o.put("fill_value", fill);
        } else {
            o.put("fill_value", (long) fill);
        }
        o.put("order", "C");
        o.putNull("filters");
        o.put("dimension_separator", separator);
        return o;
    }

    /** Parses a {@code .zarray}; {@code file} names it in errors. */
    public static ZarrArrayMetadata parse(JsonNode o, Path file) {
        if (o.path("zarr_format").asInt(-1) != 2) {
            throw new IllegalArgumentException("unsupported zarr_format " + o.path("zarr_format") + " in " + file
                    + ": only Zarr v2 (OME-NGFF 0.4) is read");
        }
        long[] shape = longs(o.path("shape"), "shape", file);
        int[] chunks = Arrays.stream(longs(o.path("chunks"), "chunks", file)).mapToInt(v -> {
            if (v < 1 || v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("chunk size " + v + " out of range in " + file);
            }
            return (int) v;
        }).toArray();
        String dtype = o.path("dtype").asText("");
        PixelType type = switch (dtype.length() == 3 ? dtype.substring(1) : "") {
            case "u1" -> PixelType.U8;
            case "u2" -> PixelType.U16;
            case "f4" -> PixelType.F32;
            default -> throw new IllegalArgumentException("unsupported dtype '" + dtype + "' in " + file
                    + ": flowscope reads u1, u2 and f4");
        };
        ByteOrder order = dtype.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        if (!"C".equals(o.path("order").asText("C"))) {
            throw new IllegalArgumentException("unsupported order '" + o.path("order").asText() + "' in " + file
                    + ": only C order is read");
        }
        JsonNode filters = o.path("filters");
        if (!filters.isMissingNode() && !filters.isNull() && !(filters.isArray() && filters.isEmpty())) {
            throw new IllegalArgumentException("unsupported filters " + filters + " in " + file);
        }
        String compressor = null;
        JsonNode c = o.path("compressor");
        if (!c.isMissingNode() && !c.isNull()) {
            compressor = c.path("id").asText("").toLowerCase(Locale.ROOT);
            if (!compressor.equals("zlib") && !compressor.equals("gzip")) {
                throw new IllegalArgumentException("unsupported compressor '" + compressor + "' in " + file
                        + ": flowscope reads uncompressed, zlib and gzip chunks");
            }
        }
        JsonNode f = o.path("fill_value");
        double fill = f.isNumber() ? f.asDouble() : 0;
        String sep = o.path("dimension_separator").asText(".");
        return new ZarrArrayMetadata(shape, chunks, type, order, compressor, fill, sep);
    }

    private static long[] longs(JsonNode a, String what, Path file) {
        if (!a.isArray() || a.isEmpty()) {
            throw new IllegalArgumentException("missing or empty '" + what + "' in " + file);
        }
        long[] v = new long[a.size()];
        for (int i = 0; i < v.length; i++) {
            if (!a.get(i).canConvertToLong()) {
                throw new IllegalArgumentException("'" + what + "' holds " + a.get(i) + " in " + file);
            }
            v[i] = a.get(i).asLong();
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZarrArrayMetadata m && Arrays.equals(shape, m.shape) && Arrays.equals(chunks, m.chunks)
                && pixelType == m.pixelType && byteOrder.equals(m.byteOrder)
                && java.util.Objects.equals(compressor, m.compressor) && fill == m.fill && separator.equals(m.separator);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + Arrays.hashCode(chunks);
    }

    @Override
    public String toString() {
        return "zarr " + Arrays.toString(shape) + " chunks " + Arrays.toString(chunks) + " " + dtype()
                + (compressor == null ? "" : " " + compressor);
    }
}
