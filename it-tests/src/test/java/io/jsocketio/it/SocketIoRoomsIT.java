package io.jsocketio.it;

import static io.jsocketio.it.NodeSio.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jsocketio.RemoteSocket;
import io.jsocketio.Socket;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rooms, broadcasting (to, except, {@code broadcast()} without the sender, volatile) and
 * fetchSockets with the official npm socket.io-client 4.8.x over polling, WebSocket and the
 * upgrade. That a client did NOT get a broadcast is shown by the next event it gets: a marker sent
 * to everyone afterwards (events on one connection keep their order).
 */
class SocketIoRoomsIT extends WithNodeClients {

    /** The next event of each client, by name. */
    private static void expectNext(String event, String... ids) {
        for (String id : ids) {
            assertThat(clients.event(id).getString("name"))
                    .as("next event of " + id)
                    .isEqualTo(event);
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void roomsJoinAndLeaveAndFetchSocketsSeesThem(Transports transports) throws Exception {
        server = It.server();
        server.onConnection(
                socket -> {
                    socket.on(
                            "join",
                            (args, ack) ->
                                    socket.join(args.getString(0))
                                            .thenRun(() -> ack.send(socket.rooms().size())));
                    socket.on(
                            "leave",
                            (args, ack) ->
                                    socket.leave(args.getString(0))
                                            .thenRun(() -> ack.send("left")));
                    connections.onConnection(socket);
                });
        String a = NodeSio.id("room");
        String b = NodeSio.id("room");
        Socket sa = connect(a, transports);
        Socket sb = connect(b, transports);

        assertThat(clients.emitWithAck(a, "join", args("red"), null).getJsonArray("args"))
                .hasToString("[2]");
        assertThat(clients.emitWithAck(b, "join", args("red"), null).getJsonArray("args"))
                .hasToString("[2]");
        assertThat(clients.emitWithAck(b, "join", args("blue"), null).getJsonArray("args"))
                .hasToString("[3]");
        assertThat(sa.rooms()).containsExactlyInAnyOrder(sa.id(), "red");
        assertThat(sb.rooms()).containsExactlyInAnyOrder(sb.id(), "red", "blue");

        List<RemoteSocket> red = It.get(server.in("red").fetchSockets());
        assertThat(red).extracting(RemoteSocket::id).containsExactlyInAnyOrder(sa.id(), sb.id());
        List<RemoteSocket> blue = It.get(server.in("blue").fetchSockets());
        assertThat(blue).extracting(RemoteSocket::id).containsExactly(sb.id());
        assertThat(blue.get(0).rooms()).containsExactlyInAnyOrder(sb.id(), "red", "blue");
        assertThat(It.get(server.fetchSockets())).hasSize(2);
        assertThat(It.get(server.in("red").allSockets()))
                .containsExactlyInAnyOrder(sa.id(), sb.id());

        assertThat(clients.emitWithAck(b, "leave", args("red"), null).getJsonArray("args"))
                .hasToString("[\"left\"]");
        server.to("red").emit("news", "red only");
        server.emit("marker");
        expectNext("news", a);
        expectNext("marker", a, b);
        assertThat(It.get(server.in("red").fetchSockets()))
                .extracting(RemoteSocket::id)
                .containsExactly(sa.id());

        // socketsJoin / socketsLeave act on matching sockets
        server.in("blue").socketsJoin("green");
        assertThat(sb.rooms()).contains("green");
        assertThat(It.get(server.in("green").allSockets())).containsExactly(sb.id());
        server.socketsLeave("green");
        assertThat(It.get(server.in("green").allSockets())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void broadcastsReachTheirRoomsMinusExceptedRoomsAndTheSender(Transports transports)
            throws Exception {
        server = It.server();
        server.onConnection(connections);
        String a = NodeSio.id("bc");
        String b = NodeSio.id("bc");
        String c = NodeSio.id("bc");
        Socket sa = connect(a, transports);
        Socket sb = connect(b, transports);
        Socket sc = connect(c, transports);
        It.get(sa.join("red"));
        It.get(sb.join(List.of("red", "vip")));
        It.get(sc.join("blue"));

        server.to("red").emit("news", 1);
        expectNext("news", a, b);
        server.to("red").except("vip").emit("news", 2);
        server.to(List.of("red", "blue")).except(Set.of("vip")).emit("news", 3);
        server.except("red").emit("news", 4);
        server.emit("marker");
        assertThat(clients.event(a).getJsonArray("args")).hasToString("[2]");
        assertThat(clients.event(a).getJsonArray("args")).hasToString("[3]");
        expectNext("marker", a, b);
        assertThat(clients.event(c).getJsonArray("args")).hasToString("[3]");
        assertThat(clients.event(c).getJsonArray("args")).hasToString("[4]");
        expectNext("marker", c);

        // from a socket: broadcast() and to(room) exclude the sender
        sa.broadcast().emit("from-a", "all but a");
        sa.to("red").emit("from-a", "red but a");
        sb.broadcast().except("blue").emit("from-b", "not blue, not b");
        server.emit("marker");
        assertThat(clients.event(b).getJsonArray("args")).hasToString("[\"all but a\"]");
        assertThat(clients.event(b).getJsonArray("args")).hasToString("[\"red but a\"]");
        expectNext("marker", b);
        assertThat(clients.event(c).getJsonArray("args")).hasToString("[\"all but a\"]");
        expectNext("marker", c);
        assertThat(clients.event(a).getJsonArray("args")).hasToString("[\"not blue, not b\"]");
        expectNext("marker", a);
    }

    /**
     * WebSocket only: an idle WebSocket is writable (no send in flight), so volatile events reach
     * it. Over polling a session is writable only while a GET is parked, so, as with Node, a
     * volatile event sent between two polls is dropped: that is unit-tested with the engine's fakes
     * ({@code EngineV3Test}, {@code ProtocolV4Test}), where the poll's timing is under control.
     */
    @ParameterizedTest
    @EnumSource(
            value = Transports.class,
            names = {"WEBSOCKET", "UPGRADE"})
    void volatileEventsAreDeliveredToWritableClients(Transports transports) throws Exception {
        server = It.server();
        server.onConnection(connections);
        String a = NodeSio.id("vol");
        String b = NodeSio.id("vol");
        Socket sa = connect(a, transports);
        Socket sb = connect(b, transports);
        if (transports.upgrades()) {
            // the client reports its upgrade when it sent "5"; until the server applied it, the
            // session has no writable transport and a volatile packet is dropped (as in Node)
            for (Socket s : List.of(sa, sb)) {
                await().atMost(It.TIMEOUT).until(() -> "websocket".equals(s.conn().transport()));
            }
        }

        sa.asVolatile().emit("tick", 1);
        assertThat(clients.event(a, "tick").getJsonArray("args")).hasToString("[1]");
        server.asVolatile().emit("tick", 2);
        assertThat(clients.event(a, "tick").getJsonArray("args")).hasToString("[2]");
        assertThat(clients.event(b, "tick").getJsonArray("args")).hasToString("[2]");
    }
}
