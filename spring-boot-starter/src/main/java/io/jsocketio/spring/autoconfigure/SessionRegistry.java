package io.jsocketio.spring.autoconfigure;

import io.jsocketio.Socket;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The live HTTP sessions of the application by id, so that a socket finds the session its
 * handshake's cookie names (the Servlet API has no lookup by id). A session id change (Spring
 * Security's session-fixation protection at login) and the end of a session are followed.
 *
 * <p>Thread-safety: safe for concurrent use; the container calls the listeners on request threads.
 */
final class SessionRegistry implements HttpSessionListener, HttpSessionIdListener {
    private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();
    private volatile String cookieName = "JSESSIONID";

    void cookieName(@Nullable String name) {
        if (name != null && !name.isBlank()) {
            cookieName = name;
        }
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        sessions.put(event.getSession().getId(), event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.remove(event.getSession().getId());
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        sessions.remove(oldSessionId);
        sessions.put(event.getSession().getId(), event.getSession());
    }

    /** The session named by the session cookie of the socket's handshake request. */
    Optional<HttpSession> of(Socket socket) {
        for (String header :
                socket.handshake().headers().getOrDefault("cookie", java.util.List.of())) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(cookieName)) {
                    String id = pair.substring(eq + 1).trim();
                    HttpSession session = sessions.get(id);
                    if (session == null && id.indexOf('.') > 0) {
                        // Jetty and Tomcat may append a worker name: <id>.<node>
                        session = sessions.get(id.substring(0, id.indexOf('.')));
                    }
                    if (session != null) {
                        return Optional.of(session);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
