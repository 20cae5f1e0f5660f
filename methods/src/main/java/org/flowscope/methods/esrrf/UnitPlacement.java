package org.flowscope.methods.esrrf;

/**
 * Decides where each unit of a frame stream is computed ({@link EsrrfStreamer}): a fixed session (offline runs,
 * tests) or the engine's choice per unit (live). Owns the sessions it opens.
 */
public interface UnitPlacement extends AutoCloseable {
    /** An open session and what to call it in reports (e.g. "esrrf-stream.opencl@OPENCL pthread"). */
    record Placed(EsrrfSession session, String label) {
    }

    /** Where unit {@code unit} runs. */
    Placed place(long unit);

    /**
     * The session chosen for {@code unit} could not start a run ({@code failure}, e.g. device memory): another place
     * for the same unit, or rethrow when there is none.
     */
    Placed retry(Placed failed, RuntimeException failure, long unit);

    /** After a unit ended: collect the units' times from the sessions (for the agent). */
    void unitDone();

    /** Closes every session this placement opened. */
    @Override
    void close();

    /** Always {@code session}; closes it on {@link #close}. */
    static UnitPlacement fixed(EsrrfSession session, String label) {
        Placed only = new Placed(session, label);
        return new UnitPlacement() {
            @Override
            public Placed place(long unit) {
                return only;
            }

            @Override
            public Placed retry(Placed failed, RuntimeException failure, long unit) {
                throw failure;
            }

            @Override
            public void unitDone() {
                session.drainTimings((u, s) -> { });
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }
}
