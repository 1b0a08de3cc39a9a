package io.jsocketio.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.DisconnectReason;
import io.jsocketio.Socket;
import io.jsocketio.testkit.NodeProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Disconnect reasons on both sides with the official npm socket.io-client 4.8.x over polling,
 * WebSocket and the upgrade.
 */
class SocketIoDisconnectIT extends WithNodeClients {

    private final BlockingQueue<String> serverSide = new LinkedBlockingQueue<>();

    /** A server whose sockets report "disconnecting rooms" and "disconnect reason". */
    private void startServer() {
        server = It.server();
        server.onConnection(
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
                    socket.on("ping", (args, ack) -> ack.send("pong"));
                    socket.join("lobby");
                    connections.onConnection(socket);
                });
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

    /**
     * Over polling the last DISCONNECT and the close packet must reach the client in separate
     * polls, as Node sends them: the client handles decoded packets a tick late and would otherwise
     * report "transport close".
     */
    @ParameterizedTest
    @EnumSource(Transports.class)
    void disconnectWithCloseEndsEveryNamespaceOfTheConnection(Transports transports)
            throws Exception {
        startServer();
        Connections admins = new Connections();
        server.of("/admin").onConnection(admins);
        String url = It.url(server);
        String main = NodeSio.id("dc");
        String admin = NodeSio.id("dc");
        clients.open(main, url, "/", transports, null, false);
        Socket mainSocket =
                connections.get(
                        clients.process()
                                .awaitEvent("connect", main, It.TIMEOUT)
                                .getString("socketId"));
        clients.open(admin, url, "/admin", transports, null, false);
        Socket adminSocket =
                admins.get(
                        clients.process()
                                .awaitEvent("connect", admin, It.TIMEOUT)
                                .getString("socketId"));
        BlockingQueue<String> adminSide = new LinkedBlockingQueue<>();
        adminSocket.onDisconnect((reason, description) -> adminSide.add(reason.name()));
        assertThat(adminSocket.conn().id()).isEqualTo(mainSocket.conn().id());

        mainSocket.disconnect(true);

        assertThat(clients.disconnected(main)).isEqualTo("io server disconnect");
        assertThat(clients.disconnected(admin)).isEqualTo("io server disconnect");
        assertThat(It.take(serverSide)).startsWith("disconnecting server namespace disconnect");
        assertThat(It.take(serverSide))
                .isEqualTo("disconnect " + DisconnectReason.SERVER_NAMESPACE_DISCONNECT.name());
        assertThat(It.take(adminSide))
                .isEqualTo(DisconnectReason.SERVER_NAMESPACE_DISCONNECT.name());
        assertThat(mainSocket.conn().isOpen()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void disconnectSocketsDisconnectsTheMatchingSocketsOnly(Transports transports)
            throws Exception {
        startServer();
        String a = NodeSio.id("ds");
        String b = NodeSio.id("ds");
        Socket sa = connect(a, transports);
        connect(b, transports);
        It.get(sa.join("kick"));

        server.in("kick").disconnectSockets();

        assertThat(clients.disconnected(a)).isEqualTo("io server disconnect");
        assertThat(It.take(serverSide)).startsWith("disconnecting server namespace disconnect");
        assertThat(It.take(serverSide))
                .isEqualTo("disconnect " + DisconnectReason.SERVER_NAMESPACE_DISCONNECT.name());
        server.emit("still-here");
        assertThat(clients.event(b).getString("name")).isEqualTo("still-here");
        assertThat(server.sockets().sockets()).hasSize(1);
    }

    /**
     * As Node's server: a WebSocket whose peer goes away without a close frame is {@code transport
     * close}. (Polling is left out: an aborted pending GET is only noticed at the next write or
     * poll, see the it-tests report.)
     */
    @ParameterizedTest
    @EnumSource(
            value = Transports.class,
            names = {"WEBSOCKET", "UPGRADE"})
    void aClientProcessThatDiesOverWebSocketIsTransportCloseOnTheServer(Transports transports)
            throws Exception {
        startServer();
        try (NodeSio doomed = NodeSio.start()) {
            String id = NodeSio.id("dies");
            doomed.connect(id, It.url(server), "/", transports, null);
            Socket socket =
                    connections.get(
                            doomed.process().lines().stream()
                                    .filter(NodeProcess.event("connect", id))
                                    .findFirst()
                                    .orElseThrow()
                                    .getString("socketId"));
            // round trip, so that the server has seen the upgrade too
            assertThat(doomed.emitWithAck(id, "ping", NodeSio.args(), null)).isNotNull();

            ProcessHandle.of(doomed.process().pid()).ifPresent(ProcessHandle::destroyForcibly);

            DisconnectReason expected = DisconnectReason.TRANSPORT_CLOSE;
            assertThat(It.take(serverSide)).startsWith("disconnecting " + expected.wire());
            assertThat(It.take(serverSide)).isEqualTo("disconnect " + expected.name());
            assertThat(socket.connected()).isFalse();
        }
    }

    /**
     * The client sees "transport close". Over polling only while it has a GET parked: in the short
     * gap between one poll's answer and the next GET, the session ends without a close packet and
     * the next GET fails, "transport error" (Node's server has the same gap: its engine closes such
     * a session at once, discarding the transport).
     */
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

        for (String id : List.of(a, b)) {
            if (transports == Transports.POLLING) {
                assertThat(clients.disconnected(id)).isIn("transport close", "transport error");
            } else {
                assertThat(clients.disconnected(id)).isEqualTo("transport close");
            }
        }
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
