package io.jsocketio.it;

import static io.jsocketio.it.NodeSio.args;
import static io.jsocketio.testkit.NodeJson.bin;
import static io.jsocketio.testkit.NodeJson.bytes;
import static io.jsocketio.testkit.NodeJson.command;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.Args;
import io.jsocketio.Socket;
import io.jsocketio.msgpack.MsgpackParser;
import io.jsocketio.testkit.NodeProcess;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A server with {@link MsgpackParser} and the official npm socket.io-client 4.8.x with npm
 * socket.io-msgpack-parser 3.x, over polling, WebSocket and the upgrade: connect, events and acks
 * both ways and a room broadcast, with binary values inside objects and arrays.
 */
class MsgpackParserIT extends WithNodeClients {

    private static final byte[] FILE = {0, 1, (byte) 0x80, (byte) 0xff, 42};
    private static final byte[] MORE = {9, 8, 7};

    /** Hides {@link WithNodeClients#startClients()}: these clients speak MessagePack. */
    @BeforeAll
    static void startClients() {
        clients = NodeSio.startWithMsgpackParser();
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void theMsgpackClientConnectsEmitsAcksAndReceivesBroadcastsWithBinaryInsideObjects(
            Transports transports) throws Exception {
        server = It.server(o -> o.parser(MsgpackParser.create()));
        BlockingQueue<Map<?, ?>> uploads = new LinkedBlockingQueue<>();
        server.onConnection(
                socket -> {
                    socket.on(
                            "upload",
                            (args, ack) -> {
                                uploads.add(args.get(0, Map.class));
                                Map<String, Object> reply = new LinkedHashMap<>();
                                reply.put("echo", args.binary(1));
                                reply.put("list", List.of(1, 2.5, MORE));
                                ack.send(reply, "done");
                            });
                    socket.on(
                            "join",
                            (args, ack) -> {
                                socket.join(args.getString(0));
                                ack.send(true);
                            });
                    connections.onConnection(socket);
                });
        String id = NodeSio.id("mp");
        String other = NodeSio.id("mp-other");
        Socket socket = connect(id, transports);
        connect(other, transports);

        // client -> server event with an ack; binary inside an object and an array
        JsonObject upload =
                Json.createObjectBuilder()
                        .add("name", "photo")
                        .add("file", bin(FILE))
                        .add("parts", Json.createArrayBuilder().add(bin(MORE)).add(-3))
                        .build();
        JsonArray ack =
                clients.emitWithAck(id, "upload", args(upload, bin(MORE)), null)
                        .getJsonArray("args");
        Map<?, ?> received = It.take(uploads);
        assertThat(received.get("name")).isEqualTo("photo");
        assertThat((byte[]) received.get("file")).containsExactly(FILE);
        List<?> parts = (List<?>) received.get("parts");
        assertThat((byte[]) parts.get(0)).containsExactly(MORE);
        assertThat(((Number) parts.get(1)).intValue()).isEqualTo(-3);
        assertThat(bytes(ack.getJsonObject(0).get("echo"))).containsExactly(MORE);
        JsonArray list = ack.getJsonObject(0).getJsonArray("list");
        assertThat(list.getInt(0)).isEqualTo(1);
        assertThat(list.getJsonNumber(1).doubleValue()).isEqualTo(2.5);
        assertThat(bytes(list.get(2))).containsExactly(MORE);
        assertThat(ack.getString(1)).isEqualTo("done");

        // server -> client event with an ack; binary nested
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("id", 7);
        nested.put("blobs", List.of(FILE, Map.of("deep", MORE)));
        CompletionStage<Args> answer = socket.emitWithAck("download", FILE, nested, "plain");
        JsonObject download = clients.event(id, "download");
        JsonArray event = download.getJsonArray("args");
        assertThat(bytes(event.get(0))).containsExactly(FILE);
        assertThat(event.getJsonObject(1).getInt("id")).isEqualTo(7);
        JsonArray blobs = event.getJsonObject(1).getJsonArray("blobs");
        assertThat(bytes(blobs.get(0))).containsExactly(FILE);
        assertThat(bytes(blobs.getJsonObject(1).get("deep"))).containsExactly(MORE);
        assertThat(event.getString(2)).isEqualTo("plain");
        clients.ack(
                id,
                download.getInt("ackId"),
                args(Json.createObjectBuilder().add("got", bin(FILE)).build()));
        Args answered = It.get(answer);
        assertThat((byte[]) answered.get(0, Map.class).get("got")).containsExactly(FILE);

        // a room broadcast (encoded once with the server's parser) reaches the member only
        assertThat(clients.emitWithAck(id, "join", args("room"), null).getJsonArray("args"))
                .hasToString("[true]");
        server.to("room").emit("news", Map.of("pic", FILE), 42);
        JsonArray news = clients.event(id, "news").getJsonArray("args");
        assertThat(bytes(news.getJsonObject(0).get("pic"))).containsExactly(FILE);
        assertThat(news.getInt(1)).isEqualTo(42);
        assertThat(clients.eventsSoFar(other, "news")).isZero();
    }

    @Test
    void aTextMessageIsAParseErrorThatClosesTheConnection() throws Exception {
        server = It.server(o -> o.parser(MsgpackParser.create()));
        server.onConnection(socket -> {});
        try (NodeProcess engine =
                NodeProcess.start("eio-client.js", It.url(server), "/socket.io", "websocket")) {
            engine.awaitEvent("open", It.TIMEOUT);
            // a default-parser CONNECT: not MessagePack
            engine.send(command("send").add("text", "0").build());
            assertThat(engine.awaitEvent("close", It.TIMEOUT).getString("reason"))
                    .isEqualTo("transport close");
        }
    }
}
