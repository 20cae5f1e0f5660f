package org.flowscope.core.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Python's tifffile as an independent reader for tests: {@link #probe} opens a file with it and returns what it saw
 * (shape, dtype, a SHA-256 of the pixels as little-endian bytes, BigTIFF/OME/ImageJ flags, the OME Pixels attributes
 * and channel name, the ImageJ unit and frame interval, the XResolution). Tests skip, with a message, when no
 * {@code python3} with tifffile is installed ({@code apt-get install python3-tifffile}; {@code .ci/run} does).
 */
public final class Tifffile {
    public static final String MISSING = "python3 with tifffile and numpy not found (Debian: apt-get install"
            + " python3-tifffile); the independent-reader check is skipped";

    private static final String PROBE = """
            import sys, hashlib
            import numpy as np, tifffile
            import xml.etree.ElementTree as ET
            out = {}
            with tifffile.TiffFile(sys.argv[1]) as tf:
                s = tf.series[0]
                a = s.asarray()
                out['shape'] = 'x'.join(str(d) for d in a.shape)
                out['dtype'] = str(a.dtype)
                out['sha256'] = hashlib.sha256(a.astype(a.dtype.newbyteorder('<')).tobytes()).hexdigest()
                out['bigtiff'] = tf.is_bigtiff
                out['ome'] = tf.is_ome
                out['imagej'] = tf.is_imagej
                out['axes'] = s.axes
                if tf.is_ome:
                    root = ET.fromstring(tf.ome_metadata)
                    ns = {'o': root.tag[1:].split('}')[0]}
                    px = root.find('.//o:Pixels', ns)
                    for k, v in px.attrib.items():
                        out['ome.' + k] = v
                    out['ome.ChannelName'] = px.find('o:Channel', ns).get('Name')
                if tf.is_imagej:
                    for k, v in tf.imagej_metadata.items():
                        out['ij.' + k] = v
                xr = tf.pages[0].tags.get('XResolution')
                if xr is not None:
                    out['xres'] = xr.value[0] / xr.value[1]
            for k, v in out.items():
                print(k + '=' + str(v))
            """;

    private static volatile Optional<String> interpreter;

    private Tifffile() {
    }

    /** A python3 that imports tifffile and numpy, or empty. Debian's own python3 first: pyenv shims may lack it. */
    public static synchronized Optional<String> interpreter() {
        if (interpreter == null) {
            interpreter = PythonScripts.interpreterWith("import tifffile, numpy");
        }
        return interpreter;
    }

    public static boolean available() {
        return interpreter().isPresent();
    }

    /** What tifffile reads from {@code file}; throws when tifffile cannot read it. */
    public static Map<String, String> probe(Path file) {
        return PythonScripts.keyValues(interpreter().orElseThrow(), List.of("-c", PROBE, file.toString()),
                "tifffile could not read " + file);
    }

    /** SHA-256 of u16 pixels as little-endian bytes (what {@link #probe} reports for a uint16 stack). */
    public static String sha256(short[] pixels) {
        ByteBuffer b = ByteBuffer.allocate(pixels.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(pixels);
        return sha(b.array());
    }

    /** SHA-256 of float32 pixels as little-endian bytes. */
    public static String sha256(float[] pixels) {
        ByteBuffer b = ByteBuffer.allocate(pixels.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(pixels);
        return sha(b.array());
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
