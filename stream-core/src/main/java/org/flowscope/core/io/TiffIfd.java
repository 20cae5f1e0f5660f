package org.flowscope.core.io;

import java.util.List;

/**
 * What flowscope reads from one TIFF image file directory (IFD). Offsets are absolute file positions (64-bit, so
 * BigTIFF files are addressed whole).
 *
 * @param offset           position of the directory in the file
 * @param width            ImageWidth (256)
 * @param height           ImageLength (257)
 * @param bitsPerSample    BitsPerSample (258) of the first sample
 * @param sampleFormat     SampleFormat (339): 1 unsigned (default), 2 signed, 3 float
 * @param samplesPerPixel  SamplesPerPixel (277)
 * @param compression      Compression (259): 1 none, 5 LZW, 8/32946 Deflate, 32773 PackBits, ...
 * @param predictor        Predictor (317): 1 none, 2 horizontal differencing, 3 floating point
 * @param stripOffsets     StripOffsets (273); empty for a tiled page
 * @param stripByteCounts  StripByteCounts (279)
 * @param rowsPerStrip     RowsPerStrip (278), the height when absent
 * @param tileWidth        TileWidth (322), 0 for a page stored in strips
 * @param tileHeight       TileLength (323), 0 for a page stored in strips
 * @param descriptions     every ImageDescription (270) value of this directory (read for the first pages only)
 * @param xResolution      XResolution (282) in pixels per resolution unit, 0 when absent
 * @param resolutionUnit   ResolutionUnit (296): 1 none, 2 inch (default), 3 cm
 * @param microManagerJson Micro-Manager's per-image metadata (tag 51123), or null
 */
record TiffIfd(long offset, int width, int height, int bitsPerSample, int sampleFormat, int samplesPerPixel,
               int compression, int predictor, long[] stripOffsets, long[] stripByteCounts, int rowsPerStrip,
               int tileWidth, int tileHeight, List<String> descriptions, double xResolution, int resolutionUnit,
               String microManagerJson) {

    boolean tiled() {
        return tileWidth > 0 || tileHeight > 0;
    }

    boolean compressed() {
        return compression != 1;
    }

    /** The first description, or null. */
    String description() {
        return descriptions.isEmpty() ? null : descriptions.get(0);
    }

    /** End of the last strip (for the truncation check). */
    long dataEnd() {
        long end = 0;
        for (int i = 0; i < stripOffsets.length && i < stripByteCounts.length; i++) {
            end = Math.max(end, stripOffsets[i] + stripByteCounts[i]);
        }
        return end;
    }

    /** True when the strips follow one another without gaps, so the page is one contiguous run of bytes. */
    boolean contiguous() {
        for (int i = 1; i < stripOffsets.length; i++) {
            if (stripOffsets[i] != stripOffsets[i - 1] + stripByteCounts[i - 1]) {
                return false;
            }
        }
        return stripOffsets.length > 0;
    }
}
