package io.jsocketio.cdi.beans;

import io.jsocketio.ConnectError;
import io.jsocketio.Middleware;
import io.jsocketio.Next;
import io.jsocketio.Socket;
import io.jsocketio.cdi.Namespace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Middleware of /chat: refuses a socket without the right token. */
@ApplicationScoped
@Namespace("/chat")
public class ChatAuth implements Middleware {
    @Inject TokenService tokens;

    @Override
    public void handle(Socket socket, Next next) {
        String token = socket.handshake().auth().getString("token", "");
        if (tokens.valid(token)) {
            next.proceed();
        } else {
            next.fail(new ConnectError("not authorized"));
        }
    }
}
