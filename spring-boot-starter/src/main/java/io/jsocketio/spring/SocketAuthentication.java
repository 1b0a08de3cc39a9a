package io.jsocketio.spring;

import io.jsocketio.Socket;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * The Spring Security principal of a socket: the authentication stored in the HTTP session whose
 * cookie the socket's handshake request carried (a form login, or any login that keeps its {@code
 * SecurityContext} in the session, which is Spring Security's default). Handler and middleware
 * calls of {@code @Namespace} beans run with it as the {@code SecurityContextHolder}'s
 * authentication, so {@code @PreAuthorize} and {@code SecurityContextHolder.getContext()} work in
 * them; other code (a {@code connection} listener added by hand) asks this bean.
 *
 * <p>It is read when asked, from the session as it is then: after a logout (the session
 * invalidated) the socket has no principal any more.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public interface SocketAuthentication {
    /** The authenticated principal of the socket's HTTP session, if there is one. */
    Optional<Authentication> of(Socket socket);
}
