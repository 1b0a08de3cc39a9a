package io.jsocketio.engine;

import org.jspecify.annotations.Nullable;

/**
 * Decides whether a handshake or upgrade request may proceed ({@code allowRequest} in Node). A
 * denial answers HTTP 403 with code 4 and the given message (default {@code Forbidden}).
 *
 * <p>Called on a container thread, once per handshake request; it must not block. It may answer the
 * callback later from any thread (for example after an asynchronous lookup). Only the first answer
 * counts.
 */
@FunctionalInterface
public interface AllowRequest {

    /** Checks {@code request} and answers {@code verdict} once. */
    void check(EngineRequest request, Verdict verdict);

    /** The answer to {@link #check}. */
    interface Verdict {
        /** Lets the request proceed. */
        void allow();

        /** Refuses the request with 403, code 4 and the message (or {@code Forbidden}). */
        void deny(@Nullable String message);
    }
}
