package io.jsocketio.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.DisconnectReason;
import io.jsocketio.Server;
import io.jsocketio.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Disconnect reasons on both sides with the official npm socket.io-client 4.8.x over polling,
 * WebSocket and the upgrade.
 */
class SocketIoDisconnectIT {

    private static NodeSio clients;
    private Server server;
    private final Connections connections = new Connections();
    private final BlockingQueue<String> serverSide = new LinkedBlockingQueue<>();

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

    /** A server whose sockets report "disconnecting rooms" and "disconnect reason". */
    private void startServer() {
        server = It.server();
        server.on(
                "connection",
                socket -> {
                    socket.onDisconnecting(
                            (reason, description) ->
                                    serverSide.add(
                                            "disconnecting "
                                                    + reason
                                                    + " "
                                                    + new TreeSet<>(socket.rooms())));
                    socket.onDisconnect(
                            (reason, description) -> serverSide.add("disconnect " + reason.name()));
                    socket.join("lobby");
                    connections.onConnection(socket);
                });
    }

    private Socket connect(String id, Transports transports) throws Exception {
        return connections.get(
                clients.connect(id, It.url(server), transports).getString("socketId"));
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void aClientDisconnectIsClientNamespaceDisconnectOnTheServer(Transports transports)
            throws Exception {
        startServer();
        String id = NodeSio.id("cd");
        Socket socket = connect(id, transports);

        clients.disconnect(id);

        assertThat(clients.disconnected(id)).isEqualTo("io client disconnect");
        assertThat(It.take(serverSide))
                .isEqualTo(
                        "disconnecting client namespace disconnect "
                                + sorted(socket.id(), "lobby"));
        assertThat(It.take(serverSide))
                .isEqualTo("disconnect " + DisconnectReason.CLIENT_NAMESPACE_DISCONNECT.name());
        assertThat(socket.connected()).isFalse();
        assertThat(server.sockets().sockets()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void aServerDisconnectIsIoServerDisconnectOnTheClient(Transports transports) throws Exception {
        startServer();
        String id = NodeSio.id("sd");
        Socket socket = connect(id, transports);

        socket.disconnect();

        assertThat(clients.disconnected(id)).isEqualTo("io server disconnect");
        assertThat(It.take(serverSide))
                .isEqualTo(
                        "disconnecting server namespace disconnect "
                                + sorted(socket.id(), "lobby"));
        assertThat(It.take(serverSide))
                .isEqualTo("disconnect " + DisconnectReason.SERVER_NAMESPACE_DISCONNECT.name());
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void closingTheServerIsServerShuttingDownThereAndTransportCloseOnTheClient(
            Transports transports) throws Exception {
        startServer();
        String a = NodeSio.id("close");
        String b = NodeSio.id("close");
        connect(a, transports);
        connect(b, transports);

        server.close();

        assertThat(clients.disconnected(a)).isEqualTo("transport close");
        assertThat(clients.disconnected(b)).isEqualTo("transport close");
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            events.add(It.take(serverSide));
        }
        assertThat(events)
                .filteredOn(line -> line.startsWith("disconnect "))
                .containsExactly(
                        "disconnect " + DisconnectReason.SERVER_SHUTTING_DOWN.name(),
                        "disconnect " + DisconnectReason.SERVER_SHUTTING_DOWN.name());
        assertThat(events)
                .filteredOn(line -> line.startsWith("disconnecting "))
                .allMatch(line -> line.startsWith("disconnecting server shutting down ["));
    }

    /** Rooms as the disconnecting listener prints them. */
    private static String sorted(String... rooms) {
        return new TreeSet<>(List.of(rooms)).toString();
    }
}
