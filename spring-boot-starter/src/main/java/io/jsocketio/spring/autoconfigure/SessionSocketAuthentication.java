package io.jsocketio.spring.autoconfigure;

import io.jsocketio.Socket;
import io.jsocketio.spring.SocketAuthentication;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * {@link SocketAuthentication} read from the {@code SecurityContext} that Spring Security keeps in
 * the HTTP session, and the {@link SocketCallScope} that makes it the {@code
 * SecurityContextHolder}'s context during a handler call (restoring the thread's own afterwards).
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class SessionSocketAuthentication implements SocketAuthentication, SocketCallScope {
    private final SessionRegistry sessions;

    SessionSocketAuthentication(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<Authentication> of(Socket socket) {
        return sessions.of(socket)
                .flatMap(
                        session -> {
                            try {
                                return Optional.ofNullable(
                                        session.getAttribute(
                                                HttpSessionSecurityContextRepository
                                                        .SPRING_SECURITY_CONTEXT_KEY));
                            } catch (IllegalStateException invalidated) {
                                return Optional.empty();
                            }
                        })
                .filter(SecurityContext.class::isInstance)
                .map(context -> ((SecurityContext) context).getAuthentication())
                .filter(Authentication::isAuthenticated);
    }

    @Override
    public void run(Socket socket, Runnable call) {
        Optional<Authentication> authentication = of(socket);
        if (authentication.isEmpty()) {
            call.run();
            return;
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication.get());
        SecurityContextHolder.setContext(context);
        try {
            call.run();
        } finally {
            if (previous.getAuthentication() == null) {
                SecurityContextHolder.clearContext();
            } else {
                SecurityContextHolder.setContext(previous);
            }
        }
    }
}
