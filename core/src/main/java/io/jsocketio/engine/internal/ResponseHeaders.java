package io.jsocketio.engine.internal;

import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.HeadersListener;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@code initial_headers} and {@code headers} listeners of an engine, and their calls on a
 * response's headers.
 *
 * <p>Thread-safety: safe for concurrent use; listeners are called on the caller's thread.
 */
final class ResponseHeaders {
    private static final System.Logger LOG = System.getLogger(ResponseHeaders.class.getName());

    private final List<HeadersListener> initial = new CopyOnWriteArrayList<>();
    private final List<HeadersListener> every = new CopyOnWriteArrayList<>();

    void onInitialHeaders(HeadersListener listener) {
        initial.add(Objects.requireNonNull(listener, "listener"));
    }

    void onHeaders(HeadersListener listener) {
        every.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Lets the listeners change {@code headers}: the {@code initial_headers} ones first when the
     * response is a handshake's, then the {@code headers} ones. A listener that throws is logged
     * and the response goes out with what the others set.
     */
    void apply(Map<String, String> headers, EngineRequest request, boolean handshake) {
        if (handshake) {
            call(initial, headers, request, "initial_headers");
        }
        call(every, headers, request, "headers");
    }

    private static void call(
            List<HeadersListener> listeners,
            Map<String, String> headers,
            EngineRequest request,
            String event) {
        for (HeadersListener l : listeners) {
            try {
                l.headers(headers, request);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, () -> "a " + event + " listener failed", e);
            }
        }
    }
}
