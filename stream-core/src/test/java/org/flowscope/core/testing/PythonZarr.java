package org.flowscope.core.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Python's zarr as an independent reader (and writer of fixtures) for tests: {@link #probe} opens an OME-Zarr image
 * with it and returns what it saw (shape, dtype, chunks, a SHA-256 of the pixels as little-endian bytes, the NGFF
 * axes and scale, flowscope's status); {@link #writeFixture} has zarr-python write an image flowscope did not write.
 * Tests skip, with a message, when no {@code python3} with zarr is installed ({@code apt-get install python3-zarr};
 * {@code .ci/run} does).
 */
public final class PythonZarr {
    public static final String MISSING = "python3 with zarr and numpy not found (Debian: apt-get install python3-zarr);"
            + " the independent-reader check is skipped";

    private static final String PROBE = """
            import sys, hashlib, json
            import numpy as np, zarr
            g = zarr.open_group(sys.argv[1], mode='r')
            ms = g.attrs['multiscales'][0]
            a = g[ms['datasets'][0]['path']]
            d = a[...]
            print('shape=' + 'x'.join(str(v) for v in d.shape))
            print('dtype=' + str(d.dtype))
            print('chunks=' + 'x'.join(str(v) for v in a.chunks))
            print('sha256=' + hashlib.sha256(d.astype(d.dtype.newbyteorder('<')).tobytes()).hexdigest())
            print('version=' + ms.get('version', ''))
            print('axes=' + ','.join(x['name'] + ':' + x.get('type', '') + ':' + x.get('unit', '') for x in ms['axes']))
            t = [c for c in ms['datasets'][0]['coordinateTransformations'] if c['type'] == 'scale'][0]
            print('scale=' + ','.join(repr(float(v)) for v in t['scale']))
            print('status=' + str(g.attrs.get('flowscope', {}).get('status', '')))
            print('name=' + ms.get('name', ''))
            """;

    private static final String WRITE = """
            import sys, json
            import numpy as np, zarr, numcodecs
            path, shape, chunks, dtype, comp, axes, scale = sys.argv[1:8]
            shape = tuple(int(v) for v in shape.split('x'))
            chunks = tuple(int(v) for v in chunks.split('x'))
            compressor = {'none': None, 'zlib': numcodecs.Zlib(level=3), 'gzip': numcodecs.GZip(level=3)}[comp]
            g = zarr.open_group(path, mode='w')
            a = g.create_dataset('s0', shape=shape, chunks=chunks, dtype=dtype, compressor=compressor,
                                 dimension_separator='/', fill_value=0)
            n = int(np.prod(shape))
            v = (np.arange(n, dtype=np.float64) * 7.25) % 4093
            a[...] = v.reshape(shape).astype(dtype)
            ax = [json.loads(x) for x in axes.split(';')]
            g.attrs['multiscales'] = [{'version': '0.4', 'name': 'fixture', 'axes': ax,
                'datasets': [{'path': 's0', 'coordinateTransformations':
                    [{'type': 'scale', 'scale': [float(s) for s in scale.split(',')]}]}]}]
            """;

    private static volatile Optional<String> interpreter;

    private PythonZarr() {
    }

    /** A python3 that imports zarr and numpy, or empty. Debian's own python3 first: pyenv shims may lack it. */
    public static synchronized Optional<String> interpreter() {
        if (interpreter == null) {
            interpreter = PythonScripts.interpreterWith("import zarr, numpy");
        }
        return interpreter;
    }

    public static boolean available() {
        return interpreter().isPresent();
    }

    /** What zarr-python reads from the OME-Zarr image {@code store}; throws when it cannot read it. */
    public static Map<String, String> probe(Path store) {
        return run(List.of("-c", PROBE, store.toString()));
    }

    /**
     * Has zarr-python write an NGFF 0.4 image at {@code store} (dataset path {@code s0}) of {@code shape} and
     * {@code chunks} ("AxBxC"), {@code dtype} ("<u2", ">f4", ...), compressor {@code none|zlib|gzip}, axes as JSON
     * objects separated by ';', scale as comma-separated numbers. Element k (C order) is {@link #fixtureValue}.
     */
    public static void writeFixture(Path store, String shape, String chunks, String dtype, String compressor,
                                    String axes, String scale) {
        run(List.of("-c", WRITE, store.toString(), shape, chunks, dtype, compressor, axes, scale));
    }

    /** Value of element {@code k} of a fixture, before the cast to its dtype. */
    public static double fixtureValue(long k) {
        return (k * 7.25) % 4093;
    }

    private static Map<String, String> run(List<String> args) {
        return PythonScripts.keyValues(interpreter().orElseThrow(), args, "python zarr failed");
    }
}
