package io.jsocketio.it;

import io.jsocketio.Server;
import io.jsocketio.Socket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the ITs driving the official npm socket.io-client 4.8.x: one {@link NodeSio} driver per
 * test class, the test's {@link #server} closed after each test, and {@link #connections} to find
 * the server socket of a connected client. The ITs run one class at a time, so the driver is held
 * in a static field.
 */
abstract class WithNodeClients {

    static NodeSio clients;

    /** The server the test started, or null. */
    Server server;

    /** Server sockets by id, once the test registers this as a connection listener. */
    final Connections connections = new Connections();

    @BeforeAll
    static void startClients() {
        clients = NodeSio.start();
    }

    @AfterAll
    static void stopClients() {
        clients.close();
    }

    @AfterEach
    void closeServer() {
        if (server != null) {
            server.close();
        }
    }

    /** Connects client {@code id} to the server's main namespace; its server-side socket. */
    Socket connect(String id, Transports transports) throws Exception {
        return connections.get(
                clients.connect(id, It.url(server), transports).getString("socketId"));
    }
}
