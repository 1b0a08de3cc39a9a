package io.jsocketio.cdi.beans;

import io.jsocketio.Socket;
import io.jsocketio.cdi.Namespace;
import io.jsocketio.cdi.OnDisconnect;
import io.jsocketio.cdi.OnEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;

/** Handlers using the session-scoped {@link Cart}; "no session" when its context is not active. */
@ApplicationScoped
@Namespace("/shop")
public class Shop {
    @Inject Cart cart;
    @Inject Recorder recorder;

    @OnEvent("add")
    String add(String item) {
        try {
            cart.add(item);
            return String.join(",", cart.items());
        } catch (ContextNotActiveException e) {
            return "no session";
        }
    }

    @OnEvent("leave")
    void leave(Socket socket) {
        socket.disconnect();
    }

    @OnDisconnect
    void left() {
        try {
            recorder.add("left with " + cart.items());
        } catch (ContextNotActiveException e) {
            recorder.add("left without session");
        }
    }
}
