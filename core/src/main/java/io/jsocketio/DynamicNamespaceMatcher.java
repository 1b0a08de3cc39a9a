package io.jsocketio;

import jakarta.json.JsonObject;

/**
 * Decides whether a namespace that does not exist yet may be created for a client ({@code
 * io.of((name, auth, next) => next(null, allowed))}). When it allows, a child namespace is created
 * under the parent returned by {@link Server#of(DynamicNamespaceMatcher)}, inheriting its
 * middlewares and connection listeners.
 *
 * <p>Runs on the lane of the connection asking, once per CONNECT to an unknown namespace, for each
 * matcher in registration order until one allows. It may answer later from any thread.
 */
@FunctionalInterface
public interface DynamicNamespaceMatcher {

    /**
     * Decides on {@code name}.
     *
     * @param name the namespace asked for, e.g. {@code /dynamic-101}
     * @param auth the client's auth payload ({@code {}} when it sent none)
     * @param result where to answer; exactly one call counts
     */
    void match(String name, JsonObject auth, Result result);

    /**
     * The answer of a matcher.
     *
     * <p>Thread-safety: may be called from any thread; only the first call counts.
     */
    @FunctionalInterface
    interface Result {
        /** Answers whether the namespace may be created. */
        void accept(boolean allowed);
    }
}
