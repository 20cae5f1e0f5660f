package org.flowscope.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkException;

/**
 * The message of an acquisition's failure for {@code batch.json}. An exception thrown in a task reaches the driver as
 * a {@link SparkException} whose message holds the task's exception as text ("Job aborted due to stage failure: Task
 * 0 in stage 3.0 failed 4 times, most recent failure: Lost task ... (TID 7) (host executor 1):
 * java.lang.IllegalArgumentException: truncated TIFF ..." and the stack trace): this keeps the exception's class and
 * message and how often Spark tried.
 */
final class SparkErrors {
    private static final Pattern TASK_FAILURE = Pattern.compile(
            "failed (\\d+) times?, most recent failure: Lost task [^:]*\\): ([^\\n]*)");

    private SparkErrors() {
    }

    static String message(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        if (e instanceof SparkException) {
            Matcher t = TASK_FAILURE.matcher(m);
            if (t.find()) {
                String tries = t.group(1);
                return t.group(2).strip() + " (task tried " + tries + " time" + ("1".equals(tries) ? "" : "s") + ")";
            }
            return m.lines().findFirst().orElse(m);
        }
        return e instanceof IllegalArgumentException ? m : e.getClass().getSimpleName() + ": " + m;
    }

    /** The input's fault (corrupt, unreadable, unsuitable), as opposed to the machine's. */
    static boolean isBadInput(Throwable e) {
        return e instanceof IllegalArgumentException
                || e instanceof SparkException && String.valueOf(e.getMessage()).contains("java.lang.IllegalArgumentException");
    }
}
