package io.jsocketio.it;

import io.jsocketio.ConnectionListener;
import io.jsocketio.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sockets by id, for a test that has a client's socket id (from its {@code connect}
 * line) and wants the matching server {@link Socket}. The client may see its CONNECT before the
 * server's connection listeners ran, so {@link #get} waits.
 */
final class Connections implements ConnectionListener {

    private final ConcurrentHashMap<String, CompletableFuture<Socket>> byId =
            new ConcurrentHashMap<>();

    @Override
    public void onConnection(Socket socket) {
        future(socket.id()).complete(socket);
    }

    /** The server socket with this id, waiting up to {@link It#TIMEOUT} for its connection. */
    Socket get(String socketId) throws Exception {
        return It.get(future(socketId));
    }

    private CompletableFuture<Socket> future(String id) {
        return byId.computeIfAbsent(id, k -> new CompletableFuture<>());
    }
}
