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
import java.util.function.UnaryOperator;

/** A jsocketio server in a Redis cluster, and the commands the Node drivers take. */
final class ClusterFixtures {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ClusterFixtures() {}

    /**
     * A jsocketio server on 127.0.0.1 with a Redis adapter (pub/sub or streams), named in socket
     * data and acks.
     */
    record JavaNode(String name, Server io, AutoCloseable redis) implements AutoCloseable {

        static JavaNode start(String name, String redisUrl) {
            return start(name, redisUrl, RedisAdapterFactory.Options.defaults());
        }

        static JavaNode start(String name, String redisUrl, RedisAdapterFactory.Options options) {
            return start(name, RedisAdapterFactory.connect(redisUrl, options), b -> b);
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
            io.on(
                    "connection",
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
}
