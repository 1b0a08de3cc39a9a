package io.jsocketio.servlet;

import io.jsocketio.engine.EngineRequest;
import io.jsocketio.servlet.internal.RequestSnapshot;
import jakarta.servlet.http.HttpSession;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP session behind an engine request, to read the application's own session attributes from
 * a socket's handler:
 *
 * <pre>{@code
 * HttpSessions.of(socket.request())
 *         .map(s -> (Cart) s.getAttribute("cart"))
 *         .ifPresent(cart -> socket.emit("cart", cart.items()));
 * }</pre>
 *
 * <p>A socket's request is its handshake request (the first polling request of a session that
 * upgrades), so this is the session that existed when the socket's connection was opened; none is
 * ever created for the engine's requests. The container keeps managing the session: it may expire
 * or be invalidated while the socket lives, and then it is no longer returned.
 *
 * <p>Thread-safety: stateless; {@link HttpSession} itself is safe for concurrent use by the
 * container's contract, its attribute values are the application's.
 */
public final class HttpSessions {
    private HttpSessions() {}

    /**
     * The valid HTTP session the request belonged to, if it came through jsocketio's servlet or
     * WebSocket transport and had one.
     */
    public static Optional<HttpSession> of(EngineRequest request) {
        Objects.requireNonNull(request, "request");
        if (!(request instanceof RequestSnapshot snapshot)) {
            return Optional.empty();
        }
        return Optional.ofNullable(snapshot.web().validSession());
    }
}
