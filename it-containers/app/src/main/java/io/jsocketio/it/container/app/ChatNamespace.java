package io.jsocketio.it.container.app;

import io.jsocketio.Socket;
import io.jsocketio.cdi.Namespace;
import io.jsocketio.cdi.OnConnect;
import io.jsocketio.cdi.OnEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** The /chat namespace of the test WAR. */
@ApplicationScoped
@Namespace("/chat")
public class ChatNamespace {

    @OnConnect
    void connected(Socket socket) {
        socket.emit("welcome", socket.id());
    }

    @OnEvent("echo")
    String echo(String text) {
        return text;
    }

    @OnEvent("sum")
    int sum(Sum sum) {
        return sum.a() + sum.b();
    }

    @OnEvent("transport")
    String transport(Socket socket) {
        return socket.conn().transport();
    }
}
