package io.jsocketio.it.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.Server;
import io.jsocketio.ServerOptions;
import io.jsocketio.redis.RedisAdapterFactory;
import io.jsocketio.spi.AdapterFactory;
import io.jsocketio.testkit.NodeProcess;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

/** A jsocketio server in a Redis cluster, and the commands the Node drivers take. */
final class ClusterFixtures {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** How long a Node server may take to start (loading its modules on a busy machine). */
    static final Duration STARTUP = Duration.ofSeconds(30);

    private ClusterFixtures() {}

    /**
     * A jsocketio server on 127.0.0.1 with a Redis adapter (pub/sub, sharded or streams), named in
     * socket data and acks.
     */
    record JavaNode(String name, Server io, AutoCloseable redis) implements AutoCloseable {

        static JavaNode start(String name, String redisUrl) {
            return start(name, redisUrl, RedisAdapterFactory.Options.defaults());
        }

        static JavaNode start(String name, String redisUrl, RedisAdapterFactory.Options options) {
            return start(name, RedisAdapterFactory.connect(redisUrl, options));
        }

        /** A server with {@code redis} as its adapter; closing the node closes {@code redis}. */
        static <F extends AdapterFactory & AutoCloseable> JavaNode start(String name, F redis) {
            return start(name, redis, b -> b);
        }

        /** With {@code factory} as the adapter (closed with the node) and more options. */
        static <F extends AdapterFactory & AutoCloseable> JavaNode start(
                String name, F factory, UnaryOperator<ServerOptions.Builder> options) {
            Server io =
                    new Server(
                            0,
                            options.apply(
                                            ServerOptions.builder()
                                                    .host("127.0.0.1")
                                                    .adapter(factory))
                                    .build());
            io.onConnection(
                    socket -> {
                        if (!socket.recovered()) {
                            socket.data(Map.of("server", name));
                        }
                        socket.on(
                                "join",
                                (args, ack) -> {
                                    socket.join(args.getString(0));
                                    ack.send("joined");
                                });
                    });
            io.onServerSideEmit("ping", (args, ack) -> ack.send("pong-" + name));
            return new JavaNode(name, io, factory);
        }

        String url() {
            return "http://127.0.0.1:" + io.port().orElseThrow();
        }

        @Override
        public void close() {
            try {
                io.close();
            } finally {
                closeAdapter();
            }
        }

        private void closeAdapter() {
            try {
                redis.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the adapter of " + name, e);
            }
        }
    }

    static JsonObjectBuilder command(String cmd) {
        return Json.createObjectBuilder().add("cmd", cmd);
    }

    /** Connects client {@code id} of a sio-client.js process (WebSocket only: no sticky needed). */
    static String connect(NodeProcess clients, String id, String url) {
        clients.send(
                command("connect")
                        .add("id", id)
                        .add("url", url)
                        .add("forceNew", true)
                        .add("transports", Json.createArrayBuilder().add("websocket"))
                        .build());
        return clients.awaitEvent("connect", id, TIMEOUT).getString("socketId");
    }

    /** Makes client {@code id} join {@code room} through its server's "join" handler. */
    static void join(NodeProcess clients, String id, String room) {
        clients.send(
                command("emit")
                        .add("id", id)
                        .add("event", "join")
                        .add("args", Json.createArrayBuilder().add(room))
                        .add("ack", true)
                        .build());
        assertThat(clients.awaitEvent("ack", id, TIMEOUT).getJsonArray("args").getString(0))
                .isEqualTo("joined");
    }

    /** The next event client {@code id} received. */
    static JsonObject nextEvent(NodeProcess clients, String id) {
        return clients.awaitEvent("event", id, TIMEOUT);
    }

    /** Asserts that the next event client {@code id} received is {@code name}; its args. */
    static JsonArray expectEvent(NodeProcess clients, String id, String name) {
        JsonObject event = nextEvent(clients, id);
        assertThat(event.getString("name")).as("next event of %s: %s", id, event).isEqualTo(name);
        return event.getJsonArray("args");
    }

    /** A binary argument for the Node drivers: bytes 1, 2, 3. */
    static JsonObject binaryArg() {
        return Json.createObjectBuilder().add("$bin", "AQID").build();
    }

    /** A JSON array of strings. */
    static JsonArray array(String... values) {
        var builder = Json.createArrayBuilder();
        for (String v : values) {
            builder.add(v);
        }
        return builder.build();
    }

    /** Matches event {@code name} received by client {@code id}. */
    static Predicate<JsonObject> named(String id, String name) {
        return NodeProcess.event("event", id).and(line -> name.equals(line.getString("name")));
    }

    /**
     * Emits {@code event} from {@code emitter} every half second until client {@code id} (on
     * another server) hears it: the cluster healed after an outage. The numbered attempt is its
     * argument.
     *
     * @return what the client heard, or null after a minute
     */
    static @Nullable JsonObject emitUntilHeard(
            Consumer<Integer> emitter, NodeProcess clients, String id, String event) {
        for (int attempt = 0; attempt < 120; attempt++) {
            emitter.accept(attempt);
            try {
                return clients.await(named(id, event), Duration.ofMillis(500));
            } catch (AssertionError notYet) {
                // not subscribed again yet
            }
        }
        return null;
    }

    /** Waits until {@code server}'s adapter counts {@code count} servers in the cluster. */
    static void awaitServerCount(JavaNode server, int count) {
        Awaitility.await(count + " servers")
                .atMost(TIMEOUT)
                .until(
                        () ->
                                server.io()
                                                .of("/")
                                                .adapter()
                                                .serverCount()
                                                .toCompletableFuture()
                                                .get(5, TimeUnit.SECONDS)
                                        == count);
    }
}
