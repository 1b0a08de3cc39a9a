package io.jsocketio.fuzz;

/** How long one fuzzing run goes on (with {@code JAZZER_FUZZ=1}); the replay ignores it. */
final class Budget {
    /** Executions of one fuzz test in a long run: ten million, as the issue asks. */
    static final long EXECUTIONS = 10_000_000L;

    private Budget() {}
}
