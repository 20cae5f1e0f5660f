package org.flowscope.adapters.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscope.core.io.FrameStackReader;
import org.flowscope.core.io.TiffStackReader;
import org.flowscope.core.io.zarr.ZarrStackReader;

/**
 * Opens a recording with the reader its form calls for: a folder with {@code NDTiff.index} is a Micro-Manager NDTiff
 * dataset ({@link NdTiffStackReader}), a folder with Zarr metadata an OME-Zarr image ({@link ZarrStackReader}), and a
 * file a TIFF stack ({@link TiffStackReader}: ImageJ, OME-TIFF, Micro-Manager's OME-TIFF/ImageJ stacks).
 */
public final class Recordings {
    private Recordings() {
    }

    /** The recording at {@code path}; {@link IllegalArgumentException} naming the path when none fits. */
    public static FrameStackReader open(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("input not found: " + path);
        }
        if (Files.isDirectory(path)) {
            if (NdTiffStackReader.isNdTiff(path) || path.getFileName() != null
                    && path.getFileName().toString().equals("Full resolution")) {
                return NdTiffStackReader.open(path);
            }
            if (ZarrStackReader.isZarr(path)) {
                return ZarrStackReader.open(path);
            }
            throw new IllegalArgumentException("folder " + path + " is neither an NDTiff dataset (no "
                    + NdTiffStackReader.INDEX + ") nor an OME-Zarr store (no .zattrs/.zarray)");
        }
        if (path.getFileName().toString().equals(NdTiffStackReader.INDEX)) {
            return NdTiffStackReader.open(path.toAbsolutePath().getParent());
        }
        return TiffStackReader.open(path);
    }

    /** A short name of the reader's format for run.json: {@code tiff}, {@code ome-zarr} or {@code ndtiff}. */
    public static String format(FrameStackReader reader) {
        if (reader instanceof NdTiffStackReader) {
            return "ndtiff";
        }
        return reader instanceof ZarrStackReader ? "ome-zarr" : "tiff";
    }
}
