package io.jsocketio.examples.chat;

import io.jsocketio.Socket;
import io.jsocketio.cdi.Namespace;
import io.jsocketio.cdi.OnConnect;
import io.jsocketio.cdi.OnDisconnect;
import io.jsocketio.cdi.OnEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The /chat namespace: relays messages to everyone else and acknowledges them. */
@ApplicationScoped
@Namespace("/chat")
public class Chat {
    @Inject Nicknames nicknames;

    private static String name(Socket socket) {
        return socket.data(String.class).orElse("?");
    }

    @OnConnect
    void joined(Socket socket) {
        socket.broadcast().emit("joined", name(socket));
    }

    @OnEvent("message")
    String message(Socket socket, ChatMessage message) {
        socket.broadcast().emit("message", new Said(name(socket), message.text()));
        return "delivered";
    }

    @OnDisconnect
    void left(Socket socket) {
        nicknames.release(name(socket));
        socket.broadcast().emit("left", name(socket));
    }
}
