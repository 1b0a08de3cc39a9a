package io.jsocketio.it.container.app;

import io.jsocketio.Socket;
import io.jsocketio.cdi.Namespace;
import io.jsocketio.cdi.OnConnect;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;

/** The /mod namespace: users with role {@code admin} only. */
@ApplicationScoped
@Namespace("/mod")
@RolesAllowed("admin")
public class Moderation {

    @OnConnect
    void connected(Socket socket) {
        socket.emit("whoami", WhoAmI.describe(socket));
    }
}
