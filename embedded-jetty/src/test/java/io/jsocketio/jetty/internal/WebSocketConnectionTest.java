package io.jsocketio.jetty.internal;

import static io.jsocketio.jetty.internal.FrameParserTest.MASKED_HELLO;
import static io.jsocketio.jetty.internal.FrameParserTest.bytes;
import static io.jsocketio.jetty.internal.FrameParserTest.closePayload;
import static io.jsocketio.jetty.internal.FrameParserTest.concat;
import static io.jsocketio.jetty.internal.FrameParserTest.frame;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.EngineMount;
import io.jsocketio.engine.EngineOptions;
import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.WebSocketFrame;
import io.jsocketio.engine.WebSocketPeer;
import io.jsocketio.servlet.testing.StubEngine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The native WebSocket on a real Jetty, driven byte by byte from a plain socket against a stub
 * engine: the handshake, what the engine receives, what the client receives, and every way the
 * connection ends. The close timeout is 300 ms here, so the tests that wait for it stay short.
 */
class WebSocketConnectionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PATH = "/engine.io/";
    private static final String TARGET = PATH + "?EIO=4&transport=websocket";

    private Server server;
    private int port;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    private StubEngine start(long maxHttpBufferSize) throws Exception {
        StubEngine engine =
                new StubEngine(
                        EngineOptions.builder()
                                .path(PATH)
                                .maxHttpBufferSize(maxHttpBufferSize)
                                .closeTimeout(Duration.ofMillis(300))
                                .build());
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        Handler notFound =
                new Handler.Abstract() {
                    @Override
                    public boolean handle(Request request, Response response, Callback callback) {
                        return false; // Jetty answers 404
                    }
                };
        server.setHandler(
                new WebSocketUpgradeHandler(List.of(EngineMount.of(engine)), notFound));
        server.start();
        port = connector.getLocalPort();
        return engine;
    }

    private StubEngine start() throws Exception {
        return start(1000);
    }

    private static String next(StubEngine engine) throws InterruptedException {
        return StubEngine.next(engine.events, WAIT);
    }

    // ---- handshake ---------------------------------------------------------------------------

    @Test
    void answers101WithTheAcceptKeyOfTheRfcAndNoExtension() throws Exception {
        start();

        try (RawWebSocket client =
                RawWebSocket.connect(
                        port,
                        RawWebSocket.upgradeRequest(
                                port, TARGET, "Sec-WebSocket-Extensions: permessage-deflate"),
                        new byte[0])) {
            assertThat(client.status()).isEqualTo("HTTP/1.1 101 Switching Protocols");
            assertThat(client.response)
                    .containsIgnoringCase(
                            "\r\nSec-WebSocket-Accept: " + RawWebSocket.ACCEPT + "\r\n")
                    .containsIgnoringCase("\r\nUpgrade: websocket\r\n")
                    .doesNotContainIgnoringCase("Sec-WebSocket-Extensions");
        }
    }

    @Test
    void handsTheEngineTheRequestAsTheJsr356TransportBuildsIt() throws Exception {
        StubEngine engine = start();

        try (RawWebSocket client =
                RawWebSocket.open(port, PATH + "?EIO=4&transport=websocket&x=a%20b&x=c")) {
            EngineRequest request = StubEngine.next(engine.peers, WAIT).request();
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo(PATH);
            assertThat(request.queryString()).isEqualTo("EIO=4&transport=websocket&x=a%20b&x=c");
            assertThat(request.query().get("x")).containsExactly("a b", "c");
            assertThat(request.header("sec-websocket-key")).hasValue(RawWebSocket.KEY);
            assertThat(request.headers().keySet()).allSatisfy(k -> assertThat(k).isLowerCase());
            assertThat(request.remoteAddress().getAddress().getHostAddress())
                    .isEqualTo("127.0.0.1");
            assertThat(request.secure()).isFalse();
        }
    }

    @Test
    void leavesOtherRequestsToTheNextHandler() throws Exception {
        start();

        String polling =
                RawWebSocket.exchange(
                        port, RawWebSocket.upgradeRequest(port, PATH + "?EIO=4&transport=polling"));
        String otherPath =
                RawWebSocket.exchange(
                        port, RawWebSocket.upgradeRequest(port, "/other/?transport=websocket"));
        String version8 =
                RawWebSocket.exchange(
                        port,
                        RawWebSocket.upgradeRequest(port, TARGET)
                                .replace("Version: 13", "Version: 8"));

        assertThat(polling).startsWith("HTTP/1.1 404 ");
        assertThat(otherPath).startsWith("HTTP/1.1 404 ");
        assertThat(version8).startsWith("HTTP/1.1 404 ");
    }

    // ---- inbound -----------------------------------------------------------------------------

    @Test
    void deliversWholeMessagesInOrder() throws Exception {
        StubEngine engine = start(100_000);

        try (RawWebSocket client = RawWebSocket.open(port, TARGET)) {
            client.send(MASKED_HELLO)
                    .send(frame(0x82, new byte[70_000]))
                    .send(
                            concat(
                                    frame(0x01, bytes('a')),
                                    frame(0x89, bytes()),
                                    frame(0x80, bytes('b'))))
                    .send(frame(0x81, "é".repeat(3000).getBytes(UTF_8)));

            assertThat(next(engine)).isEqualTo("text:Hello");
            assertThat(next(engine)).isEqualTo("binary:70000");
            assertThat(next(engine)).isEqualTo("text:ab");
            assertThat(next(engine)).isEqualTo("text:" + "é".repeat(3000));
            assertThat(client.next()).isEqualTo("pong:");
        }
    }

    @Test
    void readsFramesThatCameRightBehindTheUpgradeRequest() throws Exception {
        StubEngine engine = start();

        try (RawWebSocket client =
                RawWebSocket.connect(
                        port, RawWebSocket.upgradeRequest(port, TARGET), MASKED_HELLO)) {
            assertThat(client.status()).contains("101");
            assertThat(next(engine)).isEqualTo("text:Hello");
        }
    }

    @Test
    void answersAPingWithAPongCarryingItsPayload() throws Exception {
        start();

        try (RawWebSocket client = RawWebSocket.open(port, TARGET)) {
            client.send(frame(0x89, "Hello".getBytes(UTF_8)));

            assertThat(client.next()).isEqualTo("pong:Hello");
        }
    }

    @Test
    void aBlockedDeliveryHoldsBackOnlyItsOwnSender() throws Exception {
        StubEngine engine = start();
        CountDownLatch release = new CountDownLatch(1);
        engine.onOpen(
                peer ->
                        text -> {
                            if (text.equals("a1")) {
                                await(release);
                            }
                        });

        try (RawWebSocket a = RawWebSocket.open(port, TARGET);
                RawWebSocket b = RawWebSocket.open(port, TARGET)) {
            a.send(frame(0x81, bytes('a', '1'))).send(frame(0x81, bytes('a', '2')));
            assertThat(next(engine)).isEqualTo("text:a1"); // its handler now blocks
            b.send(frame(0x81, bytes('b', '1')));

            assertThat(next(engine)).isEqualTo("text:b1");
            assertThat(engine.events).doesNotContain("text:a2");
            release.countDown();
            assertThat(next(engine)).isEqualTo("text:a2");
        }
    }

    // ---- outbound ----------------------------------------------------------------------------

    @Test
    void writesABatchInOrderAndCompletesItOnce() throws Exception {
        StubEngine engine = start();
        try (RawWebSocket client = RawWebSocket.open(port, TARGET)) {
            WebSocketPeer peer = StubEngine.next(engine.peers, WAIT);
            WebSocketFrame shared = WebSocketFrame.text("4shared");
            CompletableFuture<Throwable> done = new CompletableFuture<>();

            peer.send(
                    List.of(shared, WebSocketFrame.binary(new byte[] {1, 2, 3}), shared),
                    done::complete);

            assertThat(done.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isNull();
            assertThat(client.next()).isEqualTo("text:4shared");
            assertThat(client.next()).isEqualTo("binary:[1, 2, 3]");
            assertThat(client.next()).isEqualTo("text:4shared");
        }
    }

    @Test
    void writesLargeBatchesWhileTheClientIsSlowToRead() throws Exception {
        StubEngine engine = start();
        try (RawWebSocket client = RawWebSocket.open(port, TARGET)) {
            WebSocketPeer peer = StubEngine.next(engine.peers, WAIT);
            WebSocketFrame big = WebSocketFrame.binary(new byte[1 << 20]);
            CompletableFuture<Throwable> all = new CompletableFuture<>();
            sendRepeatedly(peer, List.of(big, big), 8, all::complete); // 16 MiB: fills the socket

            for (int i = 0; i < 16; i++) {
                assertThat(client.frame().payload()).hasSize(1 << 20);
            }
            assertThat(all.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isNull();
        }
    }

    /**
     * Sends {@code batch} {@code times} times, each after the previous completed, as the engine
     * does.
     */
    private static void sendRepeatedly(
            WebSocketPeer peer, List<WebSocketFrame> batch, int times, Consumer<Throwable> end) {
        peer.send(
                batch,
                e -> {
                    if (e != null || times == 1) {
                        end.accept(e);
                    } else {
                        sendRepeatedly(peer, batch, times - 1, end);
                    }
                });
    }

    // ---- closing -----------------------------------------------------------------------------

    @Test
    void echoesTheClientsCloseThenEndsTheSocket() throws Exception {
        StubEngine engine = start();

        try (RawWebSocket client = RawWebSocket.open(port, TARGET)) {
            client.send(frame(0x88, closePayload(1000, "bye")));

            assertThat(client.next()).isEqualTo("close:1000:bye");
            assertThat(next(engine)).isEqualTo("close:1000");
            client.close(); // the server shut its output: closing our side ends it
        }
    }

    @Test
    void closesAfterTheSendsAlreadyHandedOverAndFailsLaterOnes() throws Exception {
        StubEngine engine = start();
        try (RawWebSocket client = RawWebSocket.open(port, TARGET)) {
            WebSocketPeer peer = StubEngine.next(engine.peers, WAIT);
            CompletableFuture<Throwable> late = new CompletableFuture<>();

            peer.send(List.of(WebSocketFrame.text("1")), e -> {});
            peer.close(1000, "");
            peer.send(List.of(WebSocketFrame.text("4late")), late::complete);

            assertThat(late.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
            assertThat(client.next()).isEqualTo("text:1");
            assertThat(client.next()).isEqualTo("close:1000:");
            client.send(frame(0x88, closePayload(1000, "")));
            assertThat(client.awaitEnd()).isTrue();
            assertThat(next(engine)).isEqualTo("close:1000");
        }
    }

    @Test
    void dropsTheSocketWhenTheClientNeverAnswersTheClose() throws Exception {
        StubEngine engine = start();
        try (RawWebSocket client = RawWebSocket.open(port, TARGET)) {
            StubEngine.next(engine.peers, WAIT).close(1011, "é".repeat(100));

            assertThat(client.next()).isEqualTo("close:1011:" + "é".repeat(61));
            assertThat(client.awaitEnd()).isTrue(); // after the (test's 300 ms) close timeout
            assertThat(next(engine)).isEqualTo("close:1011");
        }
    }

    @Test
    void reportsASocketThatEndsWithoutACloseFrameAs1006() throws Exception {
        StubEngine engine = start();
        RawWebSocket client = RawWebSocket.open(port, TARGET);
        StubEngine.next(engine.peers, WAIT);

        client.close();

        assertThat(next(engine)).isEqualTo("close:1006");
    }

    static List<Arguments> violations() {
        return List.of(
                Arguments.of("unmasked", bytes(0x81, 0x01, 'a'), 1002),
                Arguments.of("rsv1", frame(0xC1, bytes('a')), 1002),
                Arguments.of("opcode 3", frame(0x83, bytes('a')), 1002),
                Arguments.of("ping of 126 bytes", frame(0x89, new byte[126]), 1002),
                Arguments.of("fragmented ping", frame(0x09, bytes('a')), 1002),
                Arguments.of("bad utf-8", frame(0x81, bytes(0xC3, 0x28)), 1007),
                Arguments.of(
                        "header of a message over the limit",
                        java.util.Arrays.copyOf(frame(0x82, new byte[100_000]), 14),
                        1009),
                Arguments.of(
                        "fragments over the limit",
                        concat(frame(0x02, new byte[600]), frame(0x80, new byte[600])),
                        1009));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("violations")
    void failsTheConnectionWithTheCodeOfTheViolation(String name, byte[] wire, int code)
            throws Exception {
        StubEngine engine = start();

        try (RawWebSocket client = RawWebSocket.open(port, TARGET)) {
            client.send(wire);

            assertThat(client.next()).startsWith("close:" + code + ":");
            assertThat(next(engine)).isEqualTo("error:ProtocolViolation");
            client.send(frame(0x88, closePayload(code, "")));
            assertThat(client.awaitEnd()).isTrue();
            assertThat(next(engine)).isEqualTo("close:" + code);
            assertThat(engine.events).isEmpty();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
