package io.jsocketio.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.Args;
import io.jsocketio.ConnectError;
import io.jsocketio.Server;
import io.jsocketio.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Java client {@code io.socket:socket.io-client} 2.1.2 against the server: namespaces with
 * auth, acks both ways, binary both ways, rooms and broadcasts, over polling, WebSocket and polling
 * with upgrade.
 */
class JavaClientIT {

    private static final byte[] BYTES =
            "java bytes \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);

    private Server server;
    private final Connections connections = new Connections();
    private final Connections admins = new Connections();

    @AfterEach
    void closeServer() {
        if (server != null) {
            server.close();
        }
    }

    private void startServer() {
        server = It.server();
        server.onConnection(
                socket -> {
                    socket.on(
                            "sum",
                            (args, ack) ->
                                    ack.send(
                                            args.get(0, Integer.class)
                                                    + args.get(1, Integer.class)));
                    socket.on(
                            "join",
                            (args, ack) ->
                                    socket.join(args.getString(0))
                                            .thenRun(() -> ack.send("joined")));
                    connections.onConnection(socket);
                });
        server.of("/admin")
                .use(
                        (socket, next) -> {
                            if ("java".equals(socket.handshake().auth().getString("token", null))) {
                                next.proceed();
                            } else {
                                next.fail(new ConnectError("bad token"));
                            }
                        })
                .onConnection(admins);
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void connectsToTheMainAndAnAuthenticatedNamespaceAndExchangesAcksBothWays(Transports transports)
            throws Exception {
        startServer();
        try (JavaClient main = JavaClient.connect(It.url(server), "/", transports, null);
                JavaClient admin =
                        JavaClient.connect(
                                It.url(server), "/admin", transports, Map.of("token", "java"))) {
            Socket mainSocket = connections.get(main.id());
            Socket adminSocket = admins.get(admin.id());
            assertThat(mainSocket.id()).isNotEqualTo(mainSocket.conn().id());
            assertThat(adminSocket.nsp().name()).isEqualTo("/admin");
            assertThat(adminSocket.handshake().auth().toString()).isEqualTo("{\"token\":\"java\"}");

            assertThat(main.emitWithAck("sum", 20, 22)).containsExactly(42);

            CompletionStage<Args> answer = adminSocket.emitWithAck("question", "ready?");
            JavaClient.Event question = admin.next();
            assertThat(question.name()).isEqualTo("question");
            assertThat(question.args().get(0)).isEqualTo("ready?");
            question.ack().call("yes", 7);
            Args answered = It.get(answer);
            assertThat(answered.getString(0)).isEqualTo("yes");
            assertThat(answered.get(1, Integer.class)).isEqualTo(7);

            main.socket().disconnect();
            assertThat(main.disconnected()).isEqualTo("io client disconnect");
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void receivesServerEventsWithBinaryNestedInObjectsAndArrays(Transports transports)
            throws Exception {
        startServer();
        try (JavaClient client = JavaClient.connect(It.url(server), "/", transports, null)) {
            Socket socket = connections.get(client.id());

            Map<String, Object> nested = new LinkedHashMap<>();
            nested.put("name", "file");
            nested.put("data", BYTES);
            nested.put("list", List.of(1, BYTES));
            socket.emit("text", "hello", 1, true);
            socket.emit("binary", BYTES, nested);

            JavaClient.Event text = client.next();
            assertThat(text.name()).isEqualTo("text");
            assertThat(text.args()).containsExactly("hello", 1, true);
            JavaClient.Event binary = client.next();
            assertThat(binary.name()).isEqualTo("binary");
            assertThat((byte[]) binary.args().get(0)).containsExactly(BYTES);
            JSONObject object = (JSONObject) binary.args().get(1);
            assertThat(object.getString("name")).isEqualTo("file");
            assertThat((byte[]) object.get("data")).containsExactly(BYTES);
            JSONArray list = object.getJSONArray("list");
            assertThat(list.getInt(0)).isEqualTo(1);
            assertThat((byte[]) list.get(1)).containsExactly(BYTES);
        }
    }

    /**
     * Over polling this Java client sends binary as {@code b} + base64 followed by a line feed,
     * which Node's base64 decoding (and so the engine's) skips.
     */
    @ParameterizedTest
    @EnumSource(Transports.class)
    void sendsBinaryNestedInAnObject(Transports transports) throws Exception {
        startServer();
        BlockingQueue<Map<?, ?>> uploads = new LinkedBlockingQueue<>();
        server.onConnection(
                socket -> socket.on("upload", (args, ack) -> uploads.add(args.get(0, Map.class))));
        try (JavaClient client = JavaClient.connect(It.url(server), "/", transports, null)) {
            JSONObject upload = new JSONObject();
            upload.put("label", "up");
            upload.put("bytes", BYTES);
            JSONArray parts = new JSONArray();
            parts.put(BYTES);
            upload.put("parts", parts);
            client.socket().emit("upload", upload);

            Map<?, ?> received = It.take(uploads);
            assertThat(received.get("label")).isEqualTo("up");
            assertThat((byte[]) received.get("bytes")).containsExactly(BYTES);
            assertThat((byte[]) ((List<?>) received.get("parts")).get(0)).containsExactly(BYTES);
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void aClientThatJoinedARoomReceivesItsBroadcastAndOthersDoNot(Transports transports)
            throws Exception {
        startServer();
        try (JavaClient member = JavaClient.connect(It.url(server), "/", transports, null);
                JavaClient outsider = JavaClient.connect(It.url(server), "/", transports, null)) {
            assertThat(member.emitWithAck("join", "java-room")).containsExactly("joined");

            server.to("java-room").emit("news", "for the room", BYTES);
            server.emit("marker");

            JavaClient.Event news = member.next();
            assertThat(news.name()).isEqualTo("news");
            assertThat(news.args().get(0)).isEqualTo("for the room");
            assertThat((byte[]) news.args().get(1)).containsExactly(BYTES);
            assertThat(member.next().name()).isEqualTo("marker");
            assertThat(outsider.next().name()).isEqualTo("marker");
        }
    }
}
