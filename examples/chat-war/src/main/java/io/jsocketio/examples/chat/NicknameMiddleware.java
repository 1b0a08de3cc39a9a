package io.jsocketio.examples.chat;

import io.jsocketio.ConnectError;
import io.jsocketio.Middleware;
import io.jsocketio.Next;
import io.jsocketio.Socket;
import io.jsocketio.cdi.Namespace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Middleware of /chat: a client joins with {@code auth: {name: "..."}} and a free nickname. */
@ApplicationScoped
@Namespace("/chat")
public class NicknameMiddleware implements Middleware {
    @Inject Nicknames nicknames;

    @Override
    public void handle(Socket socket, Next next) {
        String name = socket.handshake().auth().getString("name", "");
        if (nicknames.take(name)) {
            socket.data(name);
            next.proceed();
        } else {
            next.fail(new ConnectError("nickname missing or taken"));
        }
    }
}
