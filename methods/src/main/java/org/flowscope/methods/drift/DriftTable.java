package org.flowscope.methods.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Per-frame drift: {@code dx[t]}, {@code dy[t]} say how far the sample in frame t moved relative to the
 * reference, in pixels (x = columns, y = rows); correcting shifts the frame by the opposite amount. With a known
 * pixel size the nm columns are {@code d * pixelSizeNm}.
 *
 * <p>CSV: header {@code frame,dx_px,dy_px[,dx_nm,dy_nm]}, one row per frame. JSON:
 * {@code {"frames": N, "pixel_size_nm": p|null, "drift": [{"frame":0,"dx_px":..,"dy_px":..[,"dx_nm",..]}, ...]}}.
 * Files are written to a temporary name and moved into place, so no partial table looks complete.
 */
public record DriftTable(double[] dx, double[] dy, double pixelSizeNm) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public DriftTable {
        if (dx.length != dy.length || dx.length == 0) {
            throw new IllegalArgumentException("drift table needs equal, non-zero dx and dy lengths, got " + dx.length
                    + " and " + dy.length);
        }
        for (int i = 0; i < dx.length; i++) {
            if (!Double.isFinite(dx[i]) || !Double.isFinite(dy[i])) {
                throw new IllegalArgumentException("drift of frame " + i + " is not finite: (" + dx[i] + ", " + dy[i] + ")");
            }
        }
        if (!(pixelSizeNm >= 0) || Double.isInfinite(pixelSizeNm)) {
            throw new IllegalArgumentException("pixelSizeNm must be >= 0 (0 = unknown), got " + pixelSizeNm);
        }
        dx = dx.clone();
        dy = dy.clone();
    }

    public int frames() {
        return dx.length;
    }

    @Override
    public double[] dx() {
        return dx.clone();
    }

    @Override
    public double[] dy() {
        return dy.clone();
    }

    public double dx(int frame) {
        return dx[frame];
    }

    public double dy(int frame) {
        return dy[frame];
    }

    /** Largest |dx| and |dy| over all frames, {maxAbsDx, maxAbsDy}. */
    public double[] maxAbs() {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < dx.length; i++) {
            mx = Math.max(mx, Math.abs(dx[i]));
            my = Math.max(my, Math.abs(dy[i]));
        }
        return new double[] {mx, my};
    }

    public String toCsv() {
        boolean nm = pixelSizeNm > 0;
        StringBuilder sb = new StringBuilder(nm ? "frame,dx_px,dy_px,dx_nm,dy_nm\n" : "frame,dx_px,dy_px\n");
        for (int i = 0; i < dx.length; i++) {
            sb.append(i).append(',').append(num(dx[i])).append(',').append(num(dy[i]));
            if (nm) {
                sb.append(',').append(num(dx[i] * pixelSizeNm)).append(',').append(num(dy[i] * pixelSizeNm));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("frames", dx.length);
        if (pixelSizeNm > 0) {
            root.put("pixel_size_nm", pixelSizeNm);
        } else {
            root.putNull("pixel_size_nm");
        }
        ArrayNode rows = root.putArray("drift");
        for (int i = 0; i < dx.length; i++) {
            ObjectNode r = rows.addObject();
            r.put("frame", i);
            r.put("dx_px", dx[i]);
            r.put("dy_px", dy[i]);
            if (pixelSizeNm > 0) {
                r.put("dx_nm", dx[i] * pixelSizeNm);
                r.put("dy_nm", dy[i] * pixelSizeNm);
            }
        }
        return root;
    }

    /** Writes CSV, or JSON when the name ends with ".json". */
    public void write(Path file) {
        writeAtomically(file, text(file));
    }

    /** The file's content as {@link #write} writes it: CSV, or JSON when the name ends with ".json". */
    public String text(Path file) {
        try {
            return file.toString().toLowerCase(Locale.ROOT).endsWith(".json")
                    ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson()) : toCsv();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a table written by {@link #write} (CSV or JSON by extension). */
    public static DriftTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("drift table not found: " + file);
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return file.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? fromJson(JSON.readTree(text)) : fromCsv(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("drift table " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read drift table " + file, e);
        }
    }

    public static DriftTable fromJson(JsonNode root) {
        JsonNode rows = root.path("drift");
        if (!rows.isArray() || rows.isEmpty()) {
            throw new IllegalArgumentException("drift table JSON needs a non-empty \"drift\" array");
        }
        double[] x = new double[rows.size()];
        double[] y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            if (r.path("frame").asInt(-1) != i || !r.path("dx_px").isNumber() || !r.path("dy_px").isNumber()) {
                throw new IllegalArgumentException("drift table JSON row " + i + " must have frame=" + i
                        + " and numeric dx_px, dy_px, got " + r);
            }
            x[i] = r.get("dx_px").asDouble();
            y[i] = r.get("dy_px").asDouble();
        }
        JsonNode px = root.path("pixel_size_nm");
        return new DriftTable(x, y, px.isNumber() ? px.asDouble() : 0);
    }

    public static DriftTable fromCsv(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\\R")));
        lines.removeIf(String::isBlank);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("drift table CSV is empty");
        }
        List<String> header = Arrays.asList(lines.get(0).trim().split("\\s*,\\s*"));
        int cf = header.indexOf("frame");
        int cx = header.indexOf("dx_px");
        int cy = header.indexOf("dy_px");
        if (cf < 0 || cx < 0 || cy < 0) {
            throw new IllegalArgumentException("drift table CSV header must contain frame,dx_px,dy_px, got " + lines.get(0));
        }
        int cnm = header.indexOf("dx_nm");
        int n = lines.size() - 1;
        double[] x = new double[n];
        double[] y = new double[n];
        double pixel = 0;
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).trim().split("\\s*,\\s*");
            try {
                if (Integer.parseInt(f[cf]) != i) {
                    throw new IllegalArgumentException("drift table CSV line " + (i + 2) + " must be frame " + i + ", got " + f[cf]);
                }
                x[i] = Double.parseDouble(f[cx]);
                y[i] = Double.parseDouble(f[cy]);
                if (cnm >= 0 && pixel == 0 && x[i] != 0) {
                    pixel = Math.abs(Double.parseDouble(f[cnm]) / x[i]);
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("drift table CSV line " + (i + 2) + " is not frame,dx_px,dy_px: "
                        + lines.get(i + 1), e);
            }
        }
        return new DriftTable(x, y, pixel);
    }

    static void writeAtomically(Path file, String text) {
        Path abs = file.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original failure is what matters
            }
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DriftTable t && Arrays.equals(dx, t.dx) && Arrays.equals(dy, t.dy)
                && Double.compare(pixelSizeNm, t.pixelSizeNm) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dx) + Arrays.hashCode(dy);
    }

    @Override
    public String toString() {
        return "DriftTable[" + dx.length + " frames]";
    }
}
