package io.jsocketio.websocket;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.EngineMount;
import io.jsocketio.engine.EngineOptions;
import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.WebSocketFrame;
import io.jsocketio.engine.WebSocketPeer;
import io.jsocketio.servlet.testing.StubEngine;
import io.jsocketio.servlet.testing.WsClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the WebSocket transport promises, checked on a real container against a stub engine, with
 * both transports installed by {@link EngineTransports#install}; one subclass per container.
 */
abstract class WebSocketTransportContractTest {
    protected static final Duration WAIT = Duration.ofSeconds(10);

    private AutoCloseable server;
    private LongSupplier openConnections;
    private int port;

    /**
     * Starts the container on 127.0.0.1, port 0, with WebSocket support enabled and {@link
     * EngineTransports#install} run for the mount while the root context initializes.
     */
    protected abstract Started startContainer(EngineMount mount) throws Exception;

    /** A started container, and how many connections it holds open now. */
    protected record Started(int port, AutoCloseable stopper, LongSupplier openConnections) {}

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private StubEngine start(EngineOptions options) throws Exception {
        StubEngine engine =
                new StubEngine(options)
                        .answering(
                                exchange ->
                                        exchange.respond(
                                                200,
                                                Map.of("Content-Type", "text/plain"),
                                                "polling".getBytes(UTF_8)));
        Started started = startContainer(EngineMount.of(engine));
        server = started.stopper();
        openConnections = started.openConnections();
        port = started.port();
        return engine;
    }

    private StubEngine start() throws Exception {
        return start(EngineOptions.builder().path("/socket.io/").build());
    }

    private URI ws(String pathAndQuery) {
        return URI.create("ws://127.0.0.1:" + port + pathAndQuery);
    }

    @Test
    void capturesTheHandshakeForTheEngine() throws Exception {
        StubEngine engine = start();

        WsClient.connect(
                ws("/socket.io/?EIO=4&transport=websocket&x=a%20b&x=c"), Map.of("X-Custom", "one"));

        EngineRequest request = StubEngine.next(engine.peers, WAIT).request();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/socket.io/");
        assertThat(request.queryString()).isEqualTo("EIO=4&transport=websocket&x=a%20b&x=c");
        assertThat(request.query())
                .containsExactly(
                        Map.entry("EIO", List.of("4")),
                        Map.entry("transport", List.of("websocket")),
                        Map.entry("x", List.of("a b", "c")));
        assertThat(request.header("x-custom")).hasValue("one");
        assertThat(request.header("upgrade"))
                .hasValueSatisfying(v -> assertThat(v).isEqualToIgnoringCase("websocket"));
        assertThat(request.headers().keySet()).allSatisfy(k -> assertThat(k).isLowerCase());
        assertThat(request.remoteAddress().isUnresolved()).isFalse();
        assertThat(request.remoteAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(request.secure()).isFalse();
    }

    @Test
    void sendsWhatTheEngineSendsInOrder() throws Exception {
        start().onOpen(
                        peer -> {
                            peer.send(
                                    List.of(
                                            WebSocketFrame.text("0{\"sid\":\"s\"}"),
                                            WebSocketFrame.binary(new byte[] {1, 2, 3})),
                                    e ->
                                            peer.send(
                                                    List.of(WebSocketFrame.text("4done")),
                                                    e3 -> {}));
                            return text -> {};
                        });

        WsClient client = WsClient.connect(ws("/socket.io/?EIO=4&transport=websocket"), Map.of());

        assertThat(client.next(WAIT)).isEqualTo("text:0{\"sid\":\"s\"}");
        assertThat(client.next(WAIT)).isEqualTo("binary:[1, 2, 3]");
        assertThat(client.next(WAIT)).isEqualTo("text:4done");
    }

    @Test
    void feedsWholeTextAndBinaryMessagesToTheEngine() throws Exception {
        StubEngine engine = start();
        WsClient client = WsClient.connect(ws("/socket.io/?EIO=4&transport=websocket"), Map.of());

        client.send("4hello");
        client.sendBinary(new byte[] {1, 2, 3, 4});
        client.send("é".repeat(5000));

        assertThat(StubEngine.next(engine.events, WAIT)).isEqualTo("text:4hello");
        assertThat(StubEngine.next(engine.events, WAIT)).isEqualTo("binary:4");
        assertThat(StubEngine.next(engine.events, WAIT)).isEqualTo("text:" + "é".repeat(5000));
    }

    @Test
    void writesALargeBatchInOrderAndCompletesItOnce() throws Exception {
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch completed = new java.util.concurrent.CountDownLatch(1);
        start().onOpen(
                        peer ->
                                text -> {
                                    List<WebSocketFrame> batch = new ArrayList<>();
                                    for (int i = 0; i < 200; i++) {
                                        batch.add(WebSocketFrame.text("4" + text + i));
                                    }
                                    peer.send(
                                            batch,
                                            e -> {
                                                completed.countDown();
                                                if (e != null) {
                                                    failures.add(e.toString());
                                                }
                                            });
                                });
        WsClient client = WsClient.connect(ws("/socket.io/?EIO=4&transport=websocket"), Map.of());

        client.send("m");

        for (int i = 0; i < 200; i++) {
            assertThat(client.next(WAIT)).isEqualTo("text:4m" + i);
        }
        assertThat(failures).isEmpty();
        assertThat(completed.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void closesWith1009WhenAMessageExceedsMaxHttpBufferSize() throws Exception {
        StubEngine engine =
                start(EngineOptions.builder().path("/socket.io/").maxHttpBufferSize(1000).build());
        WsClient client = WsClient.connect(ws("/socket.io/?EIO=4&transport=websocket"), Map.of());

        client.send("4" + "x".repeat(999)); // exactly the limit passes
        assertThat(StubEngine.next(engine.events, WAIT)).startsWith("text:4xxx");
        client.socket().sendText("4" + "x".repeat(2000), true);

        assertThat(client.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1009);
        assertThat(drainUntilClose(engine)).isEqualTo("close:1009");
    }

    @Test
    void acceptsLargeMessagesBelowTheLimit() throws Exception {
        StubEngine engine = start();
        WsClient client = WsClient.connect(ws("/socket.io/?EIO=4&transport=websocket"), Map.of());

        client.send("4" + "y".repeat(200_000));
        client.sendBinary(new byte[300_000]);

        assertThat(StubEngine.next(engine.events, WAIT)).hasSize(5 + 200_001);
        assertThat(StubEngine.next(engine.events, WAIT)).isEqualTo("binary:300000");
    }

    @Test
    void closesTheSocketWhenTheEngineClosesThePeerAfterItsLastSend() throws Exception {
        start().onOpen(
                        peer -> {
                            peer.send(List.of(WebSocketFrame.text("1")), e -> {});
                            peer.close(1000, "");
                            peer.send(List.of(WebSocketFrame.text("4after close")), e -> {});
                            return text -> {};
                        });

        WsClient client = WsClient.connect(ws("/socket.io/?EIO=4&transport=websocket"), Map.of());

        assertThat(client.next(WAIT)).isEqualTo("text:1");
        assertThat(client.next(WAIT)).isEqualTo("close:1000");
    }

    @Test
    void dropsAClientThatNeverAnswersTheServersCloseAfterTheCloseTimeout() throws Exception {
        // Node's ws destroys the socket 30 s (closeTimeout) after its close frame; a client that
        // neither reads nor closes would otherwise keep the server's descriptor forever
        start(
                        EngineOptions.builder()
                                .path("/socket.io/")
                                .closeTimeout(Duration.ofSeconds(1))
                                .build())
                .onOpen(
                        peer -> {
                            peer.close(1000, "");
                            return text -> {};
                        });

        long idle = openConnections.getAsLong();
        try (Socket silent = new Socket()) {
            silent.connect(new InetSocketAddress("127.0.0.1", port));
            silent.getOutputStream().write(upgradeRequest("/socket.io/?EIO=4&transport=websocket"));
            silent.setSoTimeout((int) WAIT.toMillis());
            assertThat(readHead(silent)).startsWith("HTTP/1.1 101");
            assertThat(openConnections.getAsLong()).isEqualTo(idle + 1);

            // the client never reads the close frame and never closes its socket
            // the container's connection count has no event to wait on: polled
            org.awaitility.Awaitility.await("the server drops the connection")
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> openConnections.getAsLong() == idle);
        }
    }

    @Test
    void failsSendsAfterTheClientClosed() throws Exception {
        StubEngine engine = start();
        WsClient client = WsClient.connect(ws("/socket.io/?EIO=4&transport=websocket"), Map.of());
        WebSocketPeer peer = StubEngine.next(engine.peers, WAIT);

        client.socket().sendClose(1000, "bye").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(drainUntilClose(engine)).isEqualTo("close:1000");

        java.util.concurrent.CompletableFuture<Throwable> result =
                new java.util.concurrent.CompletableFuture<>();
        peer.send(List.of(WebSocketFrame.text("4late")), result::complete);
        assertThat(result.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void leavesPlainHttpOnThePathToThePollingServlet() throws Exception {
        StubEngine engine = start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        var response =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://127.0.0.1:"
                                                        + port
                                                        + "/socket.io/?EIO=4&transport=websocket"))
                                .build(),
                        BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("polling");
        assertThat(StubEngine.next(engine.exchanges, WAIT).request().query("transport"))
                .hasValue("websocket");
        assertThat(engine.peers).isEmpty();
    }

    @Test
    void doesNotNegotiatePerMessageDeflateUnlessTheEngineAsks() throws Exception {
        start();

        String response = rawHandshake("/socket.io/?EIO=4&transport=websocket");

        assertThat(response).startsWith("HTTP/1.1 101");
        assertThat(response.toLowerCase()).doesNotContain("permessage-deflate");
    }

    @Test
    void negotiatesPerMessageDeflateWhenTheEngineAsks() throws Exception {
        start(EngineOptions.builder().path("/socket.io/").perMessageDeflate(true).build());

        String response = rawHandshake("/socket.io/?EIO=4&transport=websocket");

        assertThat(response).startsWith("HTTP/1.1 101");
        assertThat(response.toLowerCase()).contains("permessage-deflate");
    }

    @Test
    void writesTheHeadersTheEnginePreparesAndOpensWithTheReservedId() throws Exception {
        StubEngine engine = start();

        String response = rawHandshake("/socket.io/?EIO=4&transport=websocket&t=1");

        assertThat(response).startsWith("HTTP/1.1 101");
        assertThat(response).containsIgnoringCase("X-Prepared: EIO=4&transport=websocket&t=1\r\n");
        assertThat(StubEngine.next(engine.reservedIds, WAIT)).isEqualTo("reserved-1");
    }

    @Test
    void anUpgradeOfAPollingSessionOpensWithoutReservedId() throws Exception {
        StubEngine engine = start();

        WsClient.connect(ws("/socket.io/?EIO=4&transport=websocket&sid=abc"));

        assertThat(StubEngine.next(engine.reservedIds, WAIT)).isEqualTo("null");
    }

    private String drainUntilClose(StubEngine engine) throws InterruptedException {
        while (true) {
            String event = StubEngine.next(engine.events, WAIT);
            if (event.startsWith("close:")) {
                return event;
            }
        }
    }

    /** Reads the status line and headers of a response, byte by byte, nothing after them. */
    private static String readHead(Socket socket) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        var in = socket.getInputStream();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /** A WebSocket handshake request offering permessage-deflate. */
    private byte[] upgradeRequest(String pathAndQuery) {
        return ("GET "
                        + pathAndQuery
                        + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1:"
                        + port
                        + "\r\n"
                        + "Upgrade: websocket\r\n"
                        + "Connection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Version: 13\r\n"
                        + "Sec-WebSocket-Extensions: permessage-deflate\r\n"
                        + "\r\n")
                .getBytes(UTF_8);
    }

    /** The status line and headers of a WebSocket handshake offering permessage-deflate. */
    private String rawHandshake(String pathAndQuery) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write(upgradeRequest(pathAndQuery));
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
            StringBuilder head = new StringBuilder();
            for (String line = in.readLine();
                    line != null && !line.isEmpty();
                    line = in.readLine()) {
                head.append(line).append("\r\n");
            }
            return head.toString();
        }
    }
}
