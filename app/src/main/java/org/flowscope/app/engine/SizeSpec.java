package org.flowscope.app.engine;

/** Parses image sizes given on the command line: {@code WxH} or {@code N} (square). */
public final class SizeSpec {
    private SizeSpec() {
    }

    /** {width, height}; IllegalArgumentException naming the accepted forms otherwise. */
    public static int[] parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            int x = t.indexOf('x');
            int w = Integer.parseInt(x < 0 ? t : t.substring(0, x));
            int h = x < 0 ? w : Integer.parseInt(t.substring(x + 1));
            if (w >= 1 && h >= 1) {
                return new int[] {w, h};
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("--size must be WxH or N with positive integers (e.g. 1024x768 or 6000), got '" + text + "'");
    }

    /** {from, to} of a range "A-B" or a single "A"; both &ge; 1 and from &le; to. */
    public static int[] range(String text, String option) {
        String t = text == null ? "" : text.trim();
        try {
            int dash = t.indexOf('-');
            int a = Integer.parseInt(dash < 0 ? t : t.substring(0, dash).trim());
            int b = dash < 0 ? a : Integer.parseInt(t.substring(dash + 1).trim());
            if (a >= 0 && a <= b) {
                return new int[] {a, b};
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException(option + " must be a range A-B with 0 <= A <= B (e.g. 101-200), got '" + text + "'");
    }
}
