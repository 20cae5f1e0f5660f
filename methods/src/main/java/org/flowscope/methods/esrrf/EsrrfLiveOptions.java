package org.flowscope.methods.esrrf;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code live --op esrrf}'s options: eSRRF's own and the devices one run spreads its windows over. */
public final class EsrrfLiveOptions {
    @Mixin
    EsrrfOptions esrrf = new EsrrfOptions();

    @Option(names = "--devices", paramLabel = "one|all|KINDS", defaultValue = "one",
            description = "Devices one live run spreads its windows over: one (default: the engine places the stream on "
                    + "one device at a time), all (every device the engine options admit, several windows in flight, "
                    + "each to the device expected to finish it first, results in window order), or device kinds, "
                    + "e.g. cpu,opencl or cuda,opencl (every device of those kinds). --backend, --device, --no-opencl and "
                    + "--no-cuda still narrow the choice.")
    String devices = "one";

    /** The parsed {@code --devices}; IllegalArgumentException naming the value when it is not one. */
    public DeviceSpread spread() {
        return DeviceSpread.parse(devices);
    }
}
