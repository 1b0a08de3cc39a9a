package io.jsocketio.engine;

import java.net.InetSocketAddress;
import java.security.Principal;
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

    /**
     * The user the container authenticated for this request ({@code getUserPrincipal()} of the
     * servlet request, or of the JSR-356 handshake request for a WebSocket), if any. For a socket,
     * {@code socket.request()} is the handshake request: the first polling request of a session
     * that upgrades later, as in Node.
     */
    default Optional<Principal> userPrincipal() {
        return Optional.empty();
    }

    /**
     * Whether the authenticated user had this role when the request was made. Roles are recorded
     * while the container still holds the request: the transports ask the container for each role
     * of the {@link EngineOptions#roles() roles} option (the CDI extension adds the roles its
     * handlers name), so a role that is not among them cannot be answered.
     *
     * @return false when no user is authenticated or the user lacks the role
     * @throws IllegalArgumentException when the role was not recorded (not among the {@code roles}
     *     option) for an authenticated request
     */
    default boolean isUserInRole(String role) {
        return false;
    }

    /**
     * The id of the HTTP session the request belonged to, when one existed: it is never created for
     * the engine's requests.
     */
    default Optional<String> sessionId() {
        return Optional.empty();
    }

    /**
     * The cookies of the {@code Cookie} headers, parsed: name to value, in order of appearance, the
     * first of a repeated name kept, surrounding double quotes removed (as Node's {@code cookie}
     * package does); percent-escapes are kept as sent. Unmodifiable.
     */
    default Map<String, String> cookies() {
        return Cookies.parse(headers().getOrDefault("cookie", List.of()));
    }

    /** The request URL as sent: path plus {@code ?query} when there is one. */
    default String url() {
        String q = queryString();
        return q.isEmpty() ? path() : path() + "?" + q;
    }
}
