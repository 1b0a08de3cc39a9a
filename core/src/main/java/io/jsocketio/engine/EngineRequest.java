package io.jsocketio.engine;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP request that reached the engine: a polling GET/POST, a CORS preflight, or the upgrade
 * request of a WebSocket. Transports build it from their container's request; the engine and the
 * layers above only read it.
 *
 * <p>Thread-safety: implementations are immutable snapshots, safe to read from any thread and to
 * keep after the HTTP exchange has ended.
 */
public interface EngineRequest {

    /** The HTTP method in upper case, {@code GET} for a WebSocket upgrade. */
    String method();

    /** The request path as sent, without the query string, e.g. {@code /socket.io/}. */
    String path();

    /** The raw query string without the leading {@code ?}, or the empty string. */
    String queryString();

    /** The decoded query parameters, in the order they appeared; unmodifiable. */
    Map<String, List<String>> query();

    /** The first value of a query parameter. */
    default Optional<String> query(String name) {
        List<String> values = query().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The request headers keyed by lower-case name; unmodifiable. */
    Map<String, List<String>> headers();

    /** The first value of a header, the name matched case-insensitively. */
    default Optional<String> header(String name) {
        List<String> values = headers().get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The address of the peer as the container saw it. */
    InetSocketAddress remoteAddress();

    /** Whether the request came over TLS. */
    boolean secure();

    /** The request URL as sent: path plus {@code ?query} when there is one. */
    default String url() {
        String q = queryString();
        return q.isEmpty() ? path() : path() + "?" + q;
    }
}
