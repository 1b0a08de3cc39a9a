package io.jsocketio.it.container.app;

import io.jsocketio.Socket;
import io.jsocketio.cdi.Namespace;
import io.jsocketio.cdi.OnConnect;
import io.jsocketio.cdi.OnDisconnect;
import io.jsocketio.cdi.OnEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;

/**
 * The /visits namespace: handlers reading and writing the session-scoped {@link Visits} of the
 * socket's HTTP session; "no session" when the handshake had none (or it has ended since), as the
 * session context is not active then. A leaving socket tells the others what its session holds.
 */
@ApplicationScoped
@Namespace("/visits")
public class VisitsNamespace {
    static final String NO_SESSION = "no session";

    @Inject Visits visits;

    @OnConnect
    void connected(Socket socket) {
        socket.emit("whoami", seen());
    }

    /** Tells the namespace what the leaving socket's session holds. */
    @OnDisconnect
    void left(Socket socket) {
        socket.nsp().emit("left", seen());
    }

    @OnEvent("add")
    String add(String entry) {
        try {
            visits.add(entry);
        } catch (ContextNotActiveException e) {
            return NO_SESSION;
        }
        return seen();
    }

    private String seen() {
        try {
            return visits.entries();
        } catch (ContextNotActiveException e) {
            return NO_SESSION;
        }
    }
}
