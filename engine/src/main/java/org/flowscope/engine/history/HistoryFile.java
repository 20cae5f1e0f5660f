package org.flowscope.engine.history;

import java.util.List;

/**
 * The JSON document of a benchmark history and of factory priors.
 *
 * <pre>{@code
 * {"format": 1,
 *  "histories": [{"key": {"operation": "conv2d", "implementation": "conv2d.opencl",
 *                         "device": {"kind": "OPENCL", "vendor": "NVIDIA Corporation", "model": "NVIDIA H100 80GB HBM3",
 *                                    "driver": "NVIDIA CUDA 580.159", "memoryBytes": 84929216512, "computeUnits": 132},
 *                         "shape": {"operation": "conv2d", "dimensions": [1, 6000, 6000], "pixelType": "f32",
 *                                   "parameters": {"kernel": "9x9"}},
 *                         "libraryVersion": "0.1.0"},
 *                 "cost": 2.916E9,
 *                 "samples": [{"seconds": 0.0123, "epochMillis": 1795500000000, "delayed": false}]}]}
 * }</pre>
 *
 * @param format    document version, {@link #FORMAT}
 * @param histories one entry per key, samples oldest first
 */
public record HistoryFile(int format, List<History> histories) {
    public static final int FORMAT = 1;

    public HistoryFile {
        histories = histories == null ? List.of() : List.copyOf(histories);
    }

    static HistoryFile empty() {
        return new HistoryFile(FORMAT, List.of());
    }
}
