package io.jsocketio.it.container.app;

import io.jsocketio.ConnectError;
import io.jsocketio.Middleware;
import io.jsocketio.Next;
import io.jsocketio.Socket;
import io.jsocketio.cdi.Namespace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The middleware bean of /chat: a socket needs {@code auth: {token: "secret"}}. */
@ApplicationScoped
@Namespace("/chat")
public class ChatAuth implements Middleware {
    @Inject TokenService tokens;

    @Override
    public void handle(Socket socket, Next next) {
        if (tokens.valid(socket.handshake().auth().getString("token", ""))) {
            next.proceed();
        } else {
            next.fail(new ConnectError("not authorized"));
        }
    }
}
