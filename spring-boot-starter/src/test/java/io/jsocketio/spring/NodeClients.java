package io.jsocketio.spring;

import static io.jsocketio.testkit.NodeJson.command;

import io.jsocketio.testkit.NodeProcess;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The npm socket.io-client 4.x, driven through the testkit, for the starter's tests. */
final class NodeClients implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final JsonArray POLLING = Json.createArrayBuilder().add("polling").build();
    static final JsonArray WEBSOCKET = Json.createArrayBuilder().add("websocket").build();
    static final JsonArray UPGRADE =
            Json.createArrayBuilder().add("polling").add("websocket").build();

    private static final AtomicInteger SEQ = new AtomicInteger();
    private final NodeProcess node = NodeProcess.start("sio-client.js", "4");

    NodeClients() {
        node.awaitEvent("ready", TIMEOUT);
    }

    /** Opens client {@code id}; the cookie header is sent with every request when not null. */
    void open(String id, String url, String nsp, JsonArray transports, String cookie) {
        JsonObjectBuilder connect = connectCommand(id, url, nsp, transports);
        if (cookie != null) {
            connect.add("extraHeaders", Json.createObjectBuilder().add("Cookie", cookie));
        }
        node.send(connect.build());
    }

    /** Opens client {@code id} with reconnection on, 100 ms after a drop. */
    void openReconnecting(String id, String url, String nsp, JsonArray transports) {
        node.send(
                connectCommand(id, url, nsp, transports)
                        .add("reconnection", true)
                        .add("reconnectionDelay", 100)
                        .build());
    }

    private static JsonObjectBuilder connectCommand(
            String id, String url, String nsp, JsonArray transports) {
        return command("connect")
                .add("id", id)
                .add("url", url)
                .add("nsp", nsp)
                .add("transports", transports)
                .add("forceNew", true);
    }

    /** Closes the client's Engine.IO connection as a network failure would. */
    void closeTransport(String id) {
        node.send(command("closeTransport").add("id", id).build());
    }

    JsonObject awaitEvent(String name, String id) {
        return node.awaitEvent(name, id, TIMEOUT);
    }

    /** Emits with an ack and returns the ack's arguments. */
    JsonArray emitWithAck(String id, String event, JsonArray args) {
        int seq = SEQ.incrementAndGet();
        node.send(
                command("emit")
                        .add("id", id)
                        .add("event", event)
                        .add("args", args)
                        .add("ack", true)
                        .add("seq", seq)
                        .build());
        return node.await(
                        "ack " + seq,
                        l ->
                                "ack".equals(l.getString("event"))
                                        && id.equals(l.getString("id"))
                                        && l.getInt("seq") == seq,
                        TIMEOUT)
                .getJsonArray("args");
    }

    void disconnect(String id) {
        node.send(command("disconnect").add("id", id).build());
    }

    @Override
    public void close() {
        node.close();
    }
}
