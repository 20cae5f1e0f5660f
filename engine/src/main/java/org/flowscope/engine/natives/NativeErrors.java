package org.flowscope.engine.natives;

/** Native-loading errors reduced to what a user needs, for reasons and one-line debug logs. */
public final class NativeErrors {
    private static final int MAX = 300;

    private NativeErrors() {
    }

    /**
     * One line: JCuda and JOCL put whole nested stack traces into their messages; the line naming the missing shared
     * object or symbol is the informative one. A missing class reads "class a.b.C not found".
     */
    public static String concise(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        String cause = message.lines()
                .filter(l -> l.contains("cannot open shared object file") || l.contains("undefined symbol"))
                .findFirst().orElse(null);
        if (cause != null) {
            int so = cause.indexOf(".so: ");
            return so >= 0 ? cause.substring(so + 5).trim() : cause.replaceFirst("^.*UnsatisfiedLinkError: ", "").trim();
        }
        String first = message.lines().findFirst().orElse(message).trim();
        if (e instanceof NoClassDefFoundError) {
            first = "class " + first.replace('/', '.') + " not found";
        }
        return first.length() > MAX ? first.substring(0, MAX) + "…" : first;
    }
}
