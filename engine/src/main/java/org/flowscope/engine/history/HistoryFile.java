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
 *                 "samples": [{"seconds": 0.0123, "epochMillis": 1795500000000, "delayed": false}],
 *                 "warmups": [{"seconds": 0.180, "epochMillis": 1795499999000, "delayed": false}]}],
 *  "failures": [{"operation": "conv2d", "implementation": "conv2d.cuda", "device": {...}, "kind": "DEVICE_LOST",
 *                "error": "DeviceLostException: ...", "firstMillis": ..., "lastMillis": ..., "consecutive": 1,
 *                "retryAfterMillis": ...}]}
 * }</pre>
 * Files without {@code warmups} or {@code failures} (written before they existed) read as empty ones.
 *
 * @param format    document version, {@link #FORMAT}
 * @param histories one entry per key, samples oldest first
 * @param failures  failure streaks per implementation and device, or per device ({@link FailureRecord})
 */
public record HistoryFile(int format, List<History> histories, List<FailureRecord> failures) {
    public static final int FORMAT = 1;

    public HistoryFile {
        histories = histories == null ? List.of() : List.copyOf(histories);
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    public HistoryFile(int format, List<History> histories) {
        this(format, histories, List.of());
    }

    static HistoryFile empty() {
        return new HistoryFile(FORMAT, List.of());
    }
}
