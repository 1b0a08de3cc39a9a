package io.jsocketio.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.Socket;
import io.jsocketio.engine.parser.PacketType;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With the official npm socket.io-client 4.8.x: the Engine.IO connection events on {@code
 * socket.conn()} ({@code upgrade}, {@code packet}, {@code packetCreate}, {@code drain}), the
 * reserved socket events registered by name, null arguments and {@code send} with an ack, as they
 * show on the wire.
 */
class ConnectionEventsIT extends WithNodeClients {

    @Test
    void reportsTheUpgradeThePingsAndPongsAndTheDrainsOfAConnection() throws Exception {
        BlockingQueue<String> upgrades = new LinkedBlockingQueue<>();
        CountDownLatch pingCreated = new CountDownLatch(1);
        CountDownLatch pongReceived = new CountDownLatch(1);
        CountDownLatch drained = new CountDownLatch(1);
        server = It.server(o -> o.pingInterval(300).pingTimeout(2000));
        server.onConnection(
                socket -> {
                    socket.conn().onUpgrade(upgrades::add);
                    socket.conn()
                            .onPacketCreate(
                                    p -> {
                                        if (p.type() == PacketType.PING) {
                                            pingCreated.countDown();
                                        }
                                    });
                    socket.conn()
                            .onPacket(
                                    p -> {
                                        if (p.type() == PacketType.PONG) {
                                            pongReceived.countDown();
                                        }
                                    });
                    socket.conn().onDrain(drained::countDown);
                    connections.onConnection(socket);
                });

        Socket socket = connect(NodeSio.id("ce"), Transports.UPGRADE);

        assertThat(It.take(upgrades)).isEqualTo("websocket");
        assertThat(socket.conn().transport()).isEqualTo("websocket");
        assertThat(pingCreated.await(It.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(pongReceived.await(It.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(drained.await(It.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void deliversDisconnectToAListenerRegisteredByNameWithNodesArguments() throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        server = It.server();
        server.onConnection(
                socket -> {
                    socket.on("disconnecting", (args, ack) -> seen.add("ing " + args.getString(0)));
                    socket.on("disconnect", (args, ack) -> seen.add(args.getString(0)));
                    connections.onConnection(socket);
                });
        String id = NodeSio.id("dn");
        connect(id, Transports.WEBSOCKET);

        clients.disconnect(id);

        assertThat(It.take(seen)).isEqualTo("ing client namespace disconnect");
        assertThat(It.take(seen)).isEqualTo("client namespace disconnect");
    }

    @Test
    void sendsNullArgumentsAndSendWithAnAck() throws Exception {
        BlockingQueue<String> acks = new LinkedBlockingQueue<>();
        server = It.server();
        server.onConnection(connections::onConnection);
        String id = NodeSio.id("nl");
        Socket socket = connect(id, Transports.POLLING);

        socket.emit("x", null);
        JsonObject x = clients.event(id, "x");
        socket.send((error, args) -> acks.add(error + " " + args.getString(0)), null, "hi");
        JsonObject message = clients.event(id, "message");
        clients.ack(id, message.getInt("ackId"), NodeSio.args("thanks"));

        assertThat(x.getJsonArray("args")).containsExactly(JsonValue.NULL);
        assertThat(message.getJsonArray("args").toString()).isEqualTo("[null,\"hi\"]");
        assertThat(It.take(acks)).isEqualTo("null thanks");
    }
}
