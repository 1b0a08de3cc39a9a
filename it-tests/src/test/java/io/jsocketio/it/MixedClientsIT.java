package io.jsocketio.it;

import static io.jsocketio.it.NodeSio.args;
import static io.jsocketio.testkit.NodeJson.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A Node socket.io-client 4.8.x and a Java socket.io-client 2.1.2 in one room. */
class MixedClientsIT extends WithNodeClients {

    private static final byte[] BYTES = "shared".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @EnumSource(Transports.class)
    void nodeAndJavaClientsInOneRoomReceiveTheSameBroadcast(Transports transports)
            throws Exception {
        server = It.server();
        server.onConnection(
                socket -> {
                    socket.on(
                            "join",
                            (a, ack) ->
                                    socket.join(a.getString(0)).thenRun(() -> ack.send("joined")));
                    socket.on(
                            "say",
                            (a, ack) ->
                                    socket.to("mixed").emit("said", socket.id(), a.getString(0)));
                });
        String node = NodeSio.id("mixed");
        String nodeSocketId =
                clients.connect(node, It.url(server), transports).getString("socketId");
        try (JavaClient java = JavaClient.connect(It.url(server), "/", transports, null)) {
            assertThat(clients.emitWithAck(node, "join", args("mixed"), null).getJsonArray("args"))
                    .hasToString("[\"joined\"]");
            assertThat(java.emitWithAck("join", "mixed")).containsExactly("joined");

            server.to("mixed").emit("news", "hello room", Map.of("blob", BYTES), 3);

            JsonArray atNode = clients.event(node, "news").getJsonArray("args");
            assertThat(atNode.getString(0)).isEqualTo("hello room");
            assertThat(bytes(atNode.getJsonObject(1).get("blob"))).containsExactly(BYTES);
            assertThat(atNode.getInt(2)).isEqualTo(3);
            JavaClient.Event atJava = java.next();
            assertThat(atJava.name()).isEqualTo("news");
            assertThat(atJava.args().get(0)).isEqualTo("hello room");
            assertThat((byte[]) ((JSONObject) atJava.args().get(1)).get("blob"))
                    .containsExactly(BYTES);
            assertThat(atJava.args().get(2)).isEqualTo(3);

            // a room broadcast from one client's socket reaches the other kind of client
            clients.emit(node, "say", args("from node"));
            JavaClient.Event said = java.next();
            assertThat(said.name()).isEqualTo("said");
            assertThat(said.args()).containsExactly(nodeSocketId, "from node");
            java.socket().emit("say", "from java");
            assertThat(clients.event(node, "said").getJsonArray("args"))
                    .hasToString("[\"" + java.id() + "\",\"from java\"]");
        }
    }
}
