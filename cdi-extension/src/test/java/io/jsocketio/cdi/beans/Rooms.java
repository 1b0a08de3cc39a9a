package io.jsocketio.cdi.beans;

import io.jsocketio.Socket;
import io.jsocketio.cdi.Namespace;
import io.jsocketio.cdi.OnEvent;
import jakarta.enterprise.context.Dependent;

/** A dynamic namespace (regex) with a dependent-scoped handler bean. */
@Dependent
@Namespace(pattern = "/room-\\d+")
public class Rooms {
    @OnEvent("where")
    String where(Socket socket) {
        return socket.nsp().name();
    }
}
