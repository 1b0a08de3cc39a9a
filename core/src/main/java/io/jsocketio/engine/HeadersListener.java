package io.jsocketio.engine;

import java.util.Map;

/**
 * Adds or changes the headers of an engine's HTTP response, as the {@code initial_headers} and
 * {@code headers} events of Node's Engine.IO server do (for example a {@code Set-Cookie}).
 *
 * <p>Thread-safety: an implementation is called concurrently, for many requests at once, on the
 * container thread that answers the request (like {@link AllowRequest}), right before the response
 * is written: it must be quick and must not block.
 */
@FunctionalInterface
public interface HeadersListener {

    /**
     * Called once per response it applies to.
     *
     * @param headers the response headers so far, mutable; a name set twice keeps the last value,
     *     as with Node's headers object; names are compared as given (use one spelling)
     * @param request the request being answered
     */
    void headers(Map<String, String> headers, EngineRequest request);
}
