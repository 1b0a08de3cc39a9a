package io.jsocketio.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jsocketio.ConnectError;
import io.jsocketio.Server;
import io.jsocketio.ServerOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The meters against the Java socket.io-client on a real embedded Jetty. */
class SocketIoMetricsTest {
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final List<Socket> clients = new ArrayList<>();
    private Server io;
    private String url;

    @BeforeEach
    void start() {
        io = new Server(0, ServerOptions.builder().host("127.0.0.1").build());
        io.onConnection(
                socket -> {
                    socket.on(
                            "join",
                            (args, ack) ->
                                    socket.join(args.getString(0)).thenRun(() -> ack.send("ok")));
                    socket.on(
                            "ask",
                            (args, ack) ->
                                    socket.timeout(Duration.ofMillis(args.get(0, Integer.class)))
                                            .emit(
                                                    "question",
                                                    (error, answer) ->
                                                            ack.send(
                                                                    error == null
                                                                            ? "answered"
                                                                            : "timeout")));
                });
        io.of("/private").use((socket, next) -> next.fail(new ConnectError("no")));
        new SocketIoMetrics(io).bindTo(registry);
        url = "http://127.0.0.1:" + io.port().orElseThrow();
    }

    @AfterEach
    void stop() {
        clients.forEach(Socket::close);
        io.close();
    }

    private Socket client(String nsp, String... transports) throws Exception {
        IO.Options options =
                IO.Options.builder()
                        .setForceNew(true)
                        .setReconnection(false)
                        .setTransports(
                                transports.length == 0 ? new String[] {"websocket"} : transports)
                        .build();
        Socket s = IO.socket(URI.create(url + nsp), options);
        clients.add(s);
        CompletableFuture<Object> done = new CompletableFuture<>();
        s.on(Socket.EVENT_CONNECT, a -> done.complete("connect"));
        s.on(Socket.EVENT_CONNECT_ERROR, a -> done.complete("connect_error"));
        s.connect();
        done.get(10, TimeUnit.SECONDS);
        return s;
    }

    private static Object ack(Socket s, String event, Object... args) throws Exception {
        CompletableFuture<Object> done = new CompletableFuture<>();
        s.emit(event, args, a -> done.complete(a[0]));
        return done.get(10, TimeUnit.SECONDS);
    }

    private double count(String name, String... tags) {
        var c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    private double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    @Test
    void countsSessionsSocketsRoomsAndConnects() throws Exception {
        Socket ws = client("/");
        Socket polling = client("/", "polling");
        assertThat(ack(ws, "join", "lobby")).isEqualTo("ok");

        assertThat(gauge("socketio.engine.sessions", "transport", "websocket", "protocol", "4"))
                .isEqualTo(1);
        assertThat(gauge("socketio.engine.sessions", "transport", "polling", "protocol", "4"))
                .isEqualTo(1);
        assertThat(gauge("socketio.sockets", "namespace", "/")).isEqualTo(2);
        assertThat(gauge("socketio.rooms", "namespace", "/")).isEqualTo(1);
        assertThat(count("socketio.connects", "namespace", "/")).isEqualTo(2);
        assertThat(count("socketio.engine.connections")).isEqualTo(2);
        assertThat(registry.get("socketio.handshake").tags("namespace", "/").timer().count())
                .isEqualTo(2);

        polling.close();
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                count(
                                                "socketio.disconnects",
                                                "namespace",
                                                "/",
                                                "reason",
                                                "client namespace disconnect")
                                        == 1);
        ws.disconnect();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> gauge("socketio.sockets", "namespace", "/") == 0);
        assertThat(
                        count(
                                "socketio.disconnects",
                                "namespace",
                                "/",
                                "reason",
                                "client namespace disconnect"))
                .isEqualTo(2);
    }

    @Test
    void countsMessagesBytesAndEventsBothWays() throws Exception {
        Socket ws = client("/");
        assertThat(ack(ws, "join", "lobby")).isEqualTo("ok");
        double packetsIn = count("socketio.engine.packets.in");
        double bytesIn = count("socketio.engine.bytes.in");
        double packetsOut = count("socketio.engine.packets.out");
        double bytesOut = count("socketio.engine.bytes.out");
        CompletableFuture<Object> news = new CompletableFuture<>();
        ws.on("news", a -> news.complete(a[0]));

        ws.emit("hello", "wörld"); // 2["hello","wörld"]: 18 characters, 19 bytes
        io.to("lobby").emit("news", "é"); // 2["news","é"]: 13 characters, 14 bytes
        assertThat(news.get(10, TimeUnit.SECONDS)).isEqualTo("é");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("socketio.engine.packets.in") == packetsIn + 1);
        assertThat(count("socketio.engine.bytes.in") - bytesIn).isEqualTo(19);
        assertThat(count("socketio.engine.packets.out") - packetsOut).isEqualTo(1);
        assertThat(count("socketio.engine.bytes.out") - bytesOut).isEqualTo(14);
        assertThat(count("socketio.events.received", "namespace", "/")).isEqualTo(2); // join, hello
        assertThat(count("socketio.events.sent", "namespace", "/")).isEqualTo(1);
    }

    @Test
    void timesAcknowledgementsAndCountsTimeoutsAndRefusals() throws Exception {
        Socket ws = client("/");
        ws.on("question", a -> ((io.socket.client.Ack) a[a.length - 1]).call("yes"));
        assertThat(ack(ws, "ask", 5000)).isEqualTo("answered");
        Timer latency = registry.get("socketio.ack.latency").tags("namespace", "/").timer();
        assertThat(latency.count()).isEqualTo(1);

        ws.off("question");
        ws.on("question", a -> {});
        assertThat(ack(ws, "ask", 50)).isEqualTo("timeout");
        assertThat(count("socketio.ack.timeouts", "namespace", "/")).isEqualTo(1);

        client("/private");
        client("/nowhere");
        assertThat(count("socketio.connect.errors", "namespace", "/private")).isEqualTo(1);
        assertThat(count("socketio.connect.errors", "namespace", "unknown")).isEqualTo(1);
    }

    @Test
    void countsRequestsTheEngineRefused() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response =
                http.send(
                        java.net.http.HttpRequest.newBuilder(
                                        URI.create(
                                                url
                                                        + "/socket.io/?EIO=4&transport=polling&sid=nope"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("socketio.engine.connection.errors", "code", "1") == 1);
    }
}
