package org.flowscope.methods.esrrf;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.flowscope.engine.spi.DeviceKind;

/**
 * Which devices one live run spreads its windows over ({@code live --devices}): {@code one} (the engine places the
 * stream's work on one device at a time, the default), {@code all} (every device the engine options admit), or a
 * list of device kinds ({@code cpu,opencl}, {@code cuda,opencl}: every device of those kinds). No count of devices is
 * assumed: a kind stands for all of its devices.
 *
 * @param spread whether windows are spread over several devices
 * @param kinds  the device kinds that may take work when spread
 */
public record DeviceSpread(boolean spread, Set<DeviceKind> kinds) {
    public static final DeviceSpread ONE = new DeviceSpread(false, EnumSet.allOf(DeviceKind.class));
    public static final DeviceSpread ALL = new DeviceSpread(true, EnumSet.allOf(DeviceKind.class));

    public DeviceSpread {
        kinds = Set.copyOf(kinds);
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("--devices needs at least one device kind");
        }
    }

    /** Parses {@code one}, {@code all} or a comma-separated list of {@code cpu}, {@code opencl}, {@code cuda}. */
    public static DeviceSpread parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("one")) {
            return ONE;
        }
        if (t.equals("all")) {
            return ALL;
        }
        EnumSet<DeviceKind> kinds = EnumSet.noneOf(DeviceKind.class);
        for (String part : t.split(",")) {
            String k = part.trim();
            try {
                kinds.add(DeviceKind.valueOf(k.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--devices must be one, all or a list of cpu, opencl, cuda; got '"
                        + text + "' ('" + k + "' is not a device kind)");
            }
        }
        return new DeviceSpread(true, kinds);
    }

    @Override
    public String toString() {
        return !spread ? "one" : kinds.size() == DeviceKind.values().length ? "all"
                : String.join(",", kinds.stream().sorted().map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
    }
}
