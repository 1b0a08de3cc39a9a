package io.jsocketio.cdi.beans;

import io.jsocketio.Socket;
import io.jsocketio.cdi.Namespace;
import io.jsocketio.cdi.OnConnect;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;

/** A namespace only users with role {@code admin} may join. */
@ApplicationScoped
@Namespace("/mod")
@RolesAllowed("admin")
public class Moderation {
    @OnConnect
    void connected(Socket socket) {
        socket.emit("hello", "moderator");
    }
}
