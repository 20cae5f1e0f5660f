package org.flowscope.methods.spi;

/**
 * Progress of a {@code process} command's long work, for the progress bar the CLI shows on a terminal (and hides when
 * the output is piped or with {@code --json}). The CLI already shows reading, every engine call (with the time the
 * engine expects it to take) and writing; a command that loops over frames or blocks reports its steps here.
 * Thread-safe.
 */
public interface ProcessProgress {
    /** Reports nothing. */
    ProcessProgress NONE = new ProcessProgress() {
        @Override
        public void start(String task, long total) {
        }

        @Override
        public void advance(long steps) {
        }
    };

    /** Starts a task of {@code total} steps (e.g. "squirrel, frames" of 200); replaces the previous task. */
    void start(String task, long total);

    /** Marks {@code steps} more steps of the current task done. */
    void advance(long steps);
}
