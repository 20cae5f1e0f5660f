package org.flowscope.adapters.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mmcorej.TaggedImage;
import mmcorej.org.json.JSONObject;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.io.FrameStackReader;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.source.PixelData;
import org.micromanager.ndtiffstorage.EssentialImageMetadata;
import org.micromanager.ndtiffstorage.NDTiffStorage;

/**
 * Reads a Micro-Manager NDTiff dataset (a folder with {@code NDTiff.index}, or its {@code Full resolution} folder in
 * NDTiff v2) through Micro-Manager's own NDTiffStorage library, as a time series: the images ordered by their
 * {@code time} axis; every other axis (channel, z, position) must have a single value, else the dataset is refused
 * naming the axis. 8- and 16-bit grayscale (and 32-bit float) images; RGB is refused.
 *
 * <p>Calibration as Micro-Manager records it: pixel size from the summary's {@code PixelSize_um} (or the first image's
 * {@code PixelSizeUm}); frame interval as the median difference of the images' {@code ElapsedTime-ms} (the recorded
 * rate), else the summary's requested {@code Interval_ms}.
 */
public final class NdTiffStackReader implements FrameStackReader {
    /** The index file that marks an NDTiff dataset. */
    public static final String INDEX = "NDTiff.index";
    private static final String TIME = "time";

    private final Path dataset;
    private final NDTiffStorage storage;
    private final List<HashMap<String, Object>> frames;
    private final int width;
    private final int height;
    private final PixelType pixelType;
    private final StackMetadata metadata;
    private final Map<String, Object> fixedAxes;

    private NdTiffStackReader(Path dataset, NDTiffStorage storage) {
        this.dataset = dataset;
        this.storage = storage;
        Set<HashMap<String, Object>> all = storage.getAxesSet();
        if (all.isEmpty()) {
            throw new IllegalArgumentException("NDTiff dataset " + dataset + " holds no image");
        }
        this.fixedAxes = fixedAxes(all, dataset);
        List<HashMap<String, Object>> sorted = new ArrayList<>(all);
        if (sorted.size() > 1 && sorted.stream().anyMatch(a -> !(a.get(TIME) instanceof Number))) {
            throw new IllegalArgumentException("NDTiff dataset " + dataset + " holds " + sorted.size()
                    + " images without a numeric 'time' axis; flowscope replays a time series");
        }
        sorted.sort(Comparator.comparingLong(a -> a.get(TIME) instanceof Number n ? n.longValue() : 0));
        this.frames = sorted;
        EssentialImageMetadata first = storage.getEssentialImageMetadata(sorted.get(0));
        if (first.rgb) {
            throw new IllegalArgumentException("NDTiff dataset " + dataset + " holds RGB images; flowscope replays"
                    + " grayscale (8-, 16-bit or float)");
        }
        this.width = first.width;
        this.height = first.height;
        TaggedImage img = storage.getImage(sorted.get(0));
        if (img == null) {
            throw new IllegalArgumentException("NDTiff dataset " + dataset + ": image " + sorted.get(0) + " is missing");
        }
        this.pixelType = typeOf(img.pix, first.bitDepth);
        this.metadata = StackMetadata.of(pixelType, pixelSizeNm(storage.getSummaryMetadata(), img.tags),
                intervalMs(storage, sorted));
    }

    /** Whether {@code path} is an NDTiff dataset folder (v3, or v2 with its {@code Full resolution} folder). */
    public static boolean isNdTiff(Path path) {
        return Files.isDirectory(path) && (Files.isRegularFile(path.resolve(INDEX))
                || Files.isRegularFile(path.resolve("Full resolution").resolve(INDEX)));
    }

    /** Opens and validates a dataset; throws {@link IllegalArgumentException} when it is not a usable time series. */
    public static NdTiffStackReader open(Path path) {
        Path dataset = path.getFileName() != null && path.getFileName().toString().equals("Full resolution")
                && path.getParent() != null ? path.getParent() : path;
        if (!isNdTiff(dataset)) {
            throw new IllegalArgumentException("not an NDTiff dataset (no " + INDEX + "): " + path);
        }
        NDTiffStorage storage;
        try {
            storage = new NDTiffStorage(dataset.toString());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot open NDTiff dataset " + dataset + ": " + e, e);
        }
        try {
            return new NdTiffStackReader(dataset, storage);
        } catch (RuntimeException e) {
            storage.close();
            throw e instanceof IllegalArgumentException ? e
                    : new IllegalArgumentException("cannot read NDTiff dataset " + dataset + ": " + e, e);
        }
    }

    private static Map<String, Object> fixedAxes(Set<HashMap<String, Object>> all, Path dataset) {
        Map<String, Set<Object>> values = new LinkedHashMap<>();
        for (Map<String, Object> a : all) {
            a.forEach((k, v) -> values.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v));
        }
        Map<String, Object> fixed = new LinkedHashMap<>();
        values.forEach((axis, vs) -> {
            if (axis.equals(TIME)) {
                return;
            }
            if (vs.size() > 1) {
                throw new IllegalArgumentException("NDTiff dataset " + dataset + " has " + vs.size() + " values along"
                        + " axis '" + axis + "' " + vs + "; flowscope replays one channel, plane and position");
            }
            fixed.put(axis, vs.iterator().next());
        });
        return fixed;
    }

    private static PixelType typeOf(Object pix, int bitDepth) {
        if (pix instanceof byte[]) {
            return PixelType.U8;
        } else if (pix instanceof short[]) {
            return PixelType.U16;
        } else if (pix instanceof float[]) {
            return PixelType.F32;
        }
        throw new IllegalArgumentException("unsupported NDTiff pixels " + (pix == null ? "null" : pix.getClass().getSimpleName())
                + " (bit depth " + bitDepth + "); flowscope replays 8-, 16-bit and float images");
    }

    private static double pixelSizeNm(JSONObject summary, JSONObject firstImage) {
        for (JSONObject o : new JSONObject[] {summary, firstImage}) {
            for (String key : new String[] {"PixelSize_um", "PixelSizeUm"}) {
                double um = o == null ? Double.NaN : o.optDouble(key, Double.NaN);
                if (um > 0 && Double.isFinite(um)) {
                    return um * 1e3;
                }
            }
        }
        return 0;
    }

    private static double intervalMs(NDTiffStorage storage, List<HashMap<String, Object>> frames) {
        int n = Math.min(frames.size(), 65);
        double[] diffs = new double[Math.max(0, n - 1)];
        int k = 0;
        double previous = Double.NaN;
        for (int i = 0; i < n; i++) {
            JSONObject md = storage.getImageMetadata(frames.get(i));
            double t = md == null ? Double.NaN : md.optDouble("ElapsedTime-ms", Double.NaN);
            if (i > 0 && t > previous) {
                diffs[k++] = t - previous;
            }
            previous = t;
        }
        if (k > 0) {
            double[] d = Arrays.copyOf(diffs, k);
            Arrays.sort(d);
            return d[k / 2];
        }
        JSONObject summary = storage.getSummaryMetadata();
        double interval = summary == null ? Double.NaN : summary.optDouble("Interval_ms", Double.NaN);
        return interval > 0 ? interval : 0;
    }

    @Override
    public Path file() {
        return dataset;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int frameCount() {
        return frames.size();
    }

    @Override
    public PixelType pixelType() {
        return pixelType;
    }

    @Override
    public StackMetadata metadata() {
        return metadata;
    }

    /** Values of the axes other than time (one each), e.g. {@code channel=0}. */
    public Map<String, Object> fixedAxes() {
        return Map.copyOf(fixedAxes);
    }

    @Override
    public PixelData readFrame(int index) {
        if (index < 0 || index >= frames.size()) {
            throw new IllegalArgumentException("frame index " + index + " outside [0, " + frames.size() + ")");
        }
        HashMap<String, Object> axes = frames.get(index);
        TaggedImage img = storage.getImage(axes);
        if (img == null || img.pix == null) {
            throw new IllegalArgumentException("NDTiff dataset " + dataset + ": image " + axes + " cannot be read");
        }
        int n = width * height;
        PixelData px = switch (pixelType) {
            case U8 -> img.pix instanceof byte[] b && b.length == n ? new PixelData.U8(b) : null;
            case U16 -> img.pix instanceof short[] s && s.length == n ? new PixelData.U16(s) : null;
            case F32 -> img.pix instanceof float[] f && f.length == n ? new PixelData.F32(f) : null;
        };
        if (px == null) {
            throw new IllegalArgumentException("NDTiff dataset " + dataset + ": image " + axes + " is not "
                    + width + "x" + height + " " + pixelType + " like the first image");
        }
        return px;
    }

    @Override
    public void close() {
        storage.close();
    }
}
