package io.jsocketio.it;

import static io.jsocketio.testkit.NodeJson.command;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.testkit.NodeProcess;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One Node process running the official npm socket.io-client 4.8.x (testkit sio-client.js),
 * multiplexing many client sockets by id; one per test class keeps the suite fast. Ids are unique
 * for the process's life, so each test sees only its own lines.
 */
final class NodeSio implements AutoCloseable {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final NodeProcess node;

    private NodeSio(NodeProcess node) {
        this.node = node;
    }

    static NodeSio start() {
        NodeProcess node = NodeProcess.start("sio-client.js", "4");
        assertThat(node.awaitEvent("ready", It.TIMEOUT).getString("version")).startsWith("4.8.");
        return new NodeSio(node);
    }

    /** As {@link #start()}, every client socket with npm socket.io-msgpack-parser 3.x. */
    static NodeSio startWithMsgpackParser() {
        NodeProcess node = NodeProcess.start("sio-client.js", "4", "msgpack");
        JsonObject ready = node.awaitEvent("ready", It.TIMEOUT);
        assertThat(ready.getString("version")).startsWith("4.8.");
        assertThat(ready.getString("parser")).startsWith("socket.io-msgpack-parser@3.");
        return new NodeSio(node);
    }

    /** A fresh client id with a readable prefix. */
    static String id(String prefix) {
        return prefix + "-" + IDS.incrementAndGet();
    }

    NodeProcess process() {
        return node;
    }

    /** Opens client {@code id} (its own engine connection) without waiting. */
    void open(
            String id,
            String url,
            String nsp,
            Transports transports,
            @Nullable JsonObject auth,
            boolean forceNew) {
        open(id, url, nsp, transports, auth, null, forceNew);
    }

    /** As {@link #open(String, String, String, Transports, JsonObject, boolean)} with a query. */
    void open(
            String id,
            String url,
            String nsp,
            Transports transports,
            @Nullable JsonObject auth,
            @Nullable JsonObject query,
            boolean forceNew) {
        JsonObjectBuilder connect =
                command("connect")
                        .add("id", id)
                        .add("url", url)
                        .add("nsp", nsp)
                        .add("transports", transports.json())
                        .add("forceNew", forceNew);
        if (auth != null) {
            connect.add("auth", auth);
        }
        if (query != null) {
            connect.add("query", query);
        }
        node.send(connect.build());
    }

    /**
     * Connects client {@code id} to {@code nsp} on a new engine connection and returns the {@code
     * connect} line; with {@link Transports#UPGRADE} it also waits for the upgrade, so what follows
     * travels over WebSocket.
     */
    JsonObject connect(
            String id, String url, String nsp, Transports transports, @Nullable JsonObject auth) {
        open(id, url, nsp, transports, auth, true);
        JsonObject connected = node.awaitEvent("connect", id, It.TIMEOUT);
        if (!transports.upgrades()) {
            assertThat(connected.getString("transport")).isEqualTo(transports.first());
        } else {
            // the probe may even finish before the CONNECT reply arrives
            assertThat(node.awaitEvent("upgrade", id, It.TIMEOUT).getString("transport"))
                    .isEqualTo("websocket");
        }
        return connected;
    }

    JsonObject connect(String id, String url, Transports transports) {
        return connect(id, url, "/", transports, null);
    }

    /**
     * Opens client {@code id} with reconnection on (first attempt after {@code
     * reconnectionDelayMs}, randomized by the client) and waits for its {@code connect} line.
     */
    JsonObject connectReconnecting(
            String id, String url, Transports transports, int reconnectionDelayMs) {
        node.send(
                command("connect")
                        .add("id", id)
                        .add("url", url)
                        .add("transports", transports.json())
                        .add("forceNew", true)
                        .add("reconnection", true)
                        .add("reconnectionDelay", reconnectionDelayMs)
                        .build());
        JsonObject connected = node.awaitEvent("connect", id, It.TIMEOUT);
        if (transports.upgrades()) {
            node.awaitEvent("upgrade", id, It.TIMEOUT);
        }
        return connected;
    }

    /** The next {@code connect} line of client {@code id} (after a reconnection). */
    JsonObject connected(String id) {
        return node.awaitEvent("connect", id, It.TIMEOUT);
    }

    /** Closes client {@code id}'s engine connection as a network failure would. */
    void closeTransport(String id) {
        node.send(command("closeTransport").add("id", id).build());
    }

    void emit(String id, String event, JsonArray args) {
        node.send(command("emit").add("id", id).add("event", event).add("args", args).build());
    }

    /** Emits with an ack callback; returns the {@code ack} line (args, error). */
    JsonObject emitWithAck(String id, String event, JsonArray args, @Nullable Integer timeoutMs) {
        int seq = IDS.incrementAndGet();
        JsonObjectBuilder emit =
                command("emit")
                        .add("id", id)
                        .add("event", event)
                        .add("args", args)
                        .add("ack", true)
                        .add("seq", seq);
        if (timeoutMs != null) {
            emit.add("timeout", timeoutMs);
        }
        node.send(emit.build());
        return node.await(
                "ack " + seq + " of client " + id,
                line -> NodeProcess.event("ack", id).test(line) && line.getInt("seq", -1) == seq,
                It.TIMEOUT);
    }

    /** The next event the server sent to client {@code id}. */
    JsonObject event(String id) {
        return node.awaitEvent("event", id, It.TIMEOUT);
    }

    /** The next event named {@code name} the server sent to client {@code id}. */
    JsonObject event(String id, String name) {
        return node.await(
                "event " + name + " of client " + id,
                line ->
                        NodeProcess.event("event", id).test(line)
                                && name.equals(line.getString("name", null)),
                It.TIMEOUT);
    }

    void ack(String id, int ackId, JsonArray args) {
        node.send(command("ack").add("id", id).add("ackId", ackId).add("args", args).build());
    }

    void disconnect(String id) {
        node.send(command("disconnect").add("id", id).build());
    }

    /** The reason of client {@code id}'s next {@code disconnect}. */
    String disconnected(String id) {
        return node.awaitEvent("disconnect", id, It.TIMEOUT).getString("reason");
    }

    JsonObject connectError(String id) {
        return node.awaitEvent("connect_error", id, It.TIMEOUT);
    }

    /** How many events named {@code name} client {@code id} has received so far. */
    long eventsSoFar(String id, String name) {
        return node.lines().stream()
                .filter(NodeProcess.event("event", id))
                .filter(line -> name.equals(line.getString("name", null)))
                .count();
    }

    static JsonArray args(Object... values) {
        var array = Json.createArrayBuilder();
        for (Object v : values) {
            if (v instanceof String s) {
                array.add(s);
            } else if (v instanceof Integer i) {
                array.add(i);
            } else if (v instanceof Boolean b) {
                array.add(b);
            } else if (v instanceof jakarta.json.JsonValue j) {
                array.add(j);
            } else {
                throw new IllegalArgumentException(String.valueOf(v));
            }
        }
        return array.build();
    }

    @Override
    public void close() {
        node.close();
    }
}
