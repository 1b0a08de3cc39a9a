package io.jsocketio.websocket.internal;

import io.jsocketio.servlet.internal.RequestSnapshot;
import io.jsocketio.servlet.internal.WebContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.server.HandshakeRequest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a JSR-356 handshake into a {@link RequestSnapshot}. JSR-356 exposes neither the peer's
 * address nor whether the connection is secure; both are taken from the servlet request that
 * carries the handshake, which {@link Listener} (a {@link ServletRequestListener} registered by the
 * installer) keeps in a thread-local while the container dispatches it: the handshake runs on that
 * same thread in Jetty and Tomcat (and the query strings must match, as a guard). Without the
 * listener the address is unknown until the container offers one ({@code
 * jakarta.websocket.endpoint.remoteAddress}, set by Jetty), and {@code secure} comes from the URI
 * scheme.
 *
 * <p>Thread-safety: stateless apart from the thread-local, which only the dispatching thread reads.
 */
public final class HandshakeRequests {
    /** The user property holding the snapshot, from the handshake to {@code onOpen}. */
    public static final String SNAPSHOT = "io.jsocketio.websocket.request";

    /** The user property holding the session id reserved at the handshake, if any. */
    public static final String RESERVED_ID = "io.jsocketio.websocket.reservedId";

    /** The user property where Jetty puts the peer's address. */
    public static final String REMOTE_ADDRESS = "jakarta.websocket.endpoint.remoteAddress";

    private static final ThreadLocal<@Nullable ServletRequest> CURRENT = new ThreadLocal<>();

    private HandshakeRequests() {}

    /**
     * The snapshot of a handshake at {@code path}, the context-relative endpoint path, with the
     * handshake's principal, its answers for {@code roles} and its HTTP session (never created).
     */
    public static RequestSnapshot snapshot(
            String path, HandshakeRequest handshake, Set<String> roles) {
        String query = handshake.getQueryString();
        ServletRequest servlet = CURRENT.get();
        InetSocketAddress address;
        boolean secure;
        if (servlet instanceof HttpServletRequest http
                && Objects.equals(http.getQueryString(), query)) {
            address =
                    RequestSnapshot.address(
                            String.valueOf(servlet.getRemoteAddr()), servlet.getRemotePort());
            secure = servlet.isSecure();
        } else {
            address = unknownAddress();
            URI uri = handshake.getRequestURI();
            String scheme = uri == null ? null : uri.getScheme();
            secure = "wss".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
        }
        Map<String, List<String>> headers = handshake.getHeaders();
        WebContext web =
                WebContext.of(
                        handshake.getUserPrincipal(),
                        handshake::isUserInRole,
                        handshake.getHttpSession(),
                        roles);
        return RequestSnapshot.of("GET", path, query == null ? "" : query, headers, address, secure)
                .withWeb(web);
    }

    /** The snapshot with the peer's address replaced, when it was unknown and is known now. */
    public static RequestSnapshot withAddress(RequestSnapshot snapshot, @Nullable Object address) {
        if (!isUnknown(snapshot.remoteAddress()) || !(address instanceof InetSocketAddress a)) {
            return snapshot;
        }
        return snapshot.withRemoteAddress(a);
    }

    static InetSocketAddress unknownAddress() {
        return InetSocketAddress.createUnresolved("unknown", 0);
    }

    static boolean isUnknown(InetSocketAddress address) {
        return address.isUnresolved()
                && address.getPort() == 0
                && "unknown".equals(address.getHostString());
    }

    /**
     * Keeps the servlet request being dispatched in the thread-local, for the handshake that may
     * run inside it.
     *
     * <p>Thread-safety: stateless; the container calls it on each request's own thread.
     */
    public static final class Listener implements ServletRequestListener {
        @Override
        public void requestInitialized(ServletRequestEvent event) {
            CURRENT.set(event.getServletRequest());
        }

        @Override
        public void requestDestroyed(ServletRequestEvent event) {
            // an asynchronous request may end on another thread: clear only our own entry
            if (CURRENT.get() == event.getServletRequest()) {
                CURRENT.remove();
            }
        }
    }
}
