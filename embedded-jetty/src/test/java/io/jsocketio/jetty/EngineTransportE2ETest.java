package io.jsocketio.jetty;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.CorsOptions;
import io.jsocketio.engine.EngineMount;
import io.jsocketio.engine.EngineOptions;
import io.jsocketio.engine.EngineServer;
import io.jsocketio.engine.OriginPolicy;
import io.jsocketio.servlet.testing.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real engine behind the real transports, over real sockets: every rule of CONFORMANCE.md
 * section 2, asserted on exact statuses, bodies and frames with the JDK's HTTP client (forced to
 * HTTP/1.1, so no {@code Upgrade: h2c}) and WebSocket client. The engine echoes every message, like
 * the conformance server's {@code /engine.io/} endpoint. One subclass per container: the transports
 * are container-neutral, so the same class passes on each.
 *
 * <p>Heartbeat tests use the suite's 300 ms / 200 ms; the others use the Node defaults so that no
 * ping lands between a message and its echo on a slow machine. Nothing sleeps: requests are ordered
 * by waiting until the engine has taken in the previous one ({@link ObservedEngine}), and timeouts
 * by waiting for the session's close event.
 */
abstract class EngineTransportE2ETest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String PATH = "/engine.io/";
    static final String RS = "\u001e";

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Close events of the engine's sessions: {@code sid:reason}. */
    private final BlockingQueue<String> closes = new LinkedBlockingQueue<>();

    private EngineServer realEngine;
    private ObservedEngine engine;
    private AutoCloseable server;
    private int port;

    /** A started container. */
    protected record Started(int port, AutoCloseable stopper) {}

    /** Starts the container on 127.0.0.1, port 0, with both transports installed for the mount. */
    protected abstract Started startServer(EngineMount mount) throws Exception;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (realEngine != null) {
            realEngine.close();
        }
    }

    private void start(EngineOptions.Builder options) throws Exception {
        realEngine = EngineServer.create(options.path(PATH).build());
        realEngine.onConnection(
                socket -> {
                    socket.onMessage(socket::send);
                    socket.onClose(
                            (reason, description) -> closes.add(socket.id() + ":" + reason.wire()));
                });
        engine = new ObservedEngine(realEngine);
        Started started = startServer(EngineMount.of(engine));
        server = started.stopper();
        port = started.port();
    }

    private void start() throws Exception {
        start(EngineOptions.builder());
    }

    /** The suite's heartbeat: ping every 300 ms, 200 ms to answer. */
    private void startWithShortHeartbeat() throws Exception {
        start(
                EngineOptions.builder()
                        .pingInterval(Duration.ofMillis(300))
                        .pingTimeout(Duration.ofMillis(200)));
    }

    /**
     * Pings every 300 ms, but a generous pingTimeout, so that a pong delayed by a loaded machine
     * does not end a test about ping rounds.
     */
    private void startWithFastPings() throws Exception {
        start(
                EngineOptions.builder()
                        .pingInterval(Duration.ofMillis(300))
                        .pingTimeout(Duration.ofSeconds(5)));
    }

    // ---- helpers -------------------------------------------------------------------------

    private URI http(String query) {
        return URI.create("http://127.0.0.1:" + port + PATH + "?" + query);
    }

    private URI ws(String query) {
        return URI.create("ws://127.0.0.1:" + port + PATH + "?" + query);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String query) throws Exception {
        return send(HttpRequest.newBuilder(http(query)));
    }

    private HttpResponse<String> poll(String sid) throws Exception {
        return get("EIO=4&transport=polling&sid=" + sid);
    }

    private CompletableFuture<HttpResponse<String>> pollAsync(String sid, String extra) {
        return http.sendAsync(
                HttpRequest.newBuilder(http("EIO=4&transport=polling&sid=" + sid + extra)).build(),
                BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String sid, String body) throws Exception {
        return send(
                HttpRequest.newBuilder(http("EIO=4&transport=polling&sid=" + sid))
                        .POST(BodyPublishers.ofString(body)));
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** Opens a polling session; returns its sid. */
    private String handshake() throws Exception {
        HttpResponse<String> response = get("EIO=4&transport=polling");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("0{");
        return json(response.body().substring(1)).getString("sid");
    }

    /** Waits for the pending request to be taken in by the engine (a GET is then parked). */
    private <T> CompletableFuture<T> parked(CompletableFuture<T> request) throws Exception {
        engine.awaitHandled(WAIT);
        assertThat(request).as("parked, not answered").isNotDone();
        return request;
    }

    private String closeOf(String sid) throws InterruptedException {
        while (true) {
            String event = closes.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(event).as("close event of " + sid).isNotNull();
            if (event.startsWith(sid + ":")) {
                return event.substring(sid.length() + 1);
            }
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void assertUnknownSid(String sid) throws Exception {
        HttpResponse<String> response = poll(sid);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
    }

    /** Both ways of refusing a WebSocket pass: failing the upgrade, or closing right after it. */
    private void assertWebSocketEnds(String query) throws Exception {
        WsClient client;
        try {
            client = WsClient.connect(ws(query));
        } catch (ExecutionException refusedUpgrade) {
            return;
        }
        try {
            await(client.closed);
        } catch (ExecutionException closedWithError) {
            // the connection ended
        }
        assertThat(client.closed).isDone();
    }

    // ---- handshake -----------------------------------------------------------------------

    @Test
    void opensAPollingSessionWithExactlyTheFiveKeysOfTheOpenPacket() throws Exception {
        start();

        HttpResponse<String> response = get("EIO=4&transport=polling");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElseThrow().replace(" ", ""))
                .isEqualToIgnoringCase("text/plain;charset=UTF-8");
        assertThat(response.body()).startsWith("0");
        JsonObject open = json(response.body().substring(1));
        assertThat(open.keySet())
                .containsExactlyInAnyOrder(
                        "sid", "upgrades", "pingInterval", "pingTimeout", "maxPayload");
        assertThat(open.getString("sid")).isNotEmpty();
        assertThat(open.get("upgrades").toString()).isEqualTo("[\"websocket\"]");
        assertThat(open.getInt("pingInterval")).isEqualTo(25000);
        assertThat(open.getInt("pingTimeout")).isEqualTo(20000);
        assertThat(open.getInt("maxPayload")).isEqualTo(1000000);
        assertThat(realEngine.client(open.getString("sid"))).isPresent();
    }

    @Test
    void opensAWebSocketSessionWhoseFirstFrameIsTheOpenPacket() throws Exception {
        startWithShortHeartbeat();

        WsClient client = WsClient.connect(ws("EIO=4&transport=websocket"));

        String first = client.next(WAIT);
        assertThat(first).startsWith("text:0{");
        JsonObject open = json(first.substring("text:0".length()));
        assertThat(open.keySet())
                .containsExactlyInAnyOrder(
                        "sid", "upgrades", "pingInterval", "pingTimeout", "maxPayload");
        assertThat(open.get("upgrades").toString()).isEqualTo("[]");
        assertThat(open.getInt("pingInterval")).isEqualTo(300);
        assertThat(open.getInt("pingTimeout")).isEqualTo(200);
        assertThat(open.getInt("maxPayload")).isEqualTo(1000000);
    }

    @ParameterizedTest(name = "{0} ?{1} -> {2} {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "GET  | transport=polling                 | 400 | {\"code\":5,\"message\":\"Unsupported protocol version\"}",
                "GET  | EIO=abc&transport=polling         | 400 | {\"code\":5,\"message\":\"Unsupported protocol version\"}",
                "GET  | EIO=4                             | 400 | {\"code\":0,\"message\":\"Transport unknown\"}",
                "GET  | EIO=4&transport=abc               | 400 | {\"code\":0,\"message\":\"Transport unknown\"}",
                "POST | EIO=4&transport=polling           | 400 | {\"code\":2,\"message\":\"Bad handshake method\"}",
                "PUT  | EIO=4&transport=polling           | 400 | {\"code\":2,\"message\":\"Bad handshake method\"}",
                "GET  | EIO=4&transport=polling&sid=nope  | 400 | {\"code\":1,\"message\":\"Session ID unknown\"}",
                "GET  | EIO=4&transport=websocket         | 400 | {\"code\":3,\"message\":\"Bad request\"}",
            })
    void refusesBadRequestsWithTheNodeServersJson(
            String method, String query, int status, String body) throws Exception {
        start();

        HttpResponse<String> response =
                send(
                        HttpRequest.newBuilder(http(query))
                                .method(
                                        method,
                                        BodyPublishers.ofString(method.equals("GET") ? "" : "x")));

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo(body);
        assertThat(realEngine.clientsCount()).isZero();
    }

    @Test
    void refusesWhatAllowRequestDeniesWith403AndItsMessage() throws Exception {
        start(
                EngineOptions.builder()
                        .allowRequest(
                                (request, verdict) -> {
                                    if (request.header("x-token").orElse("").equals("ok")) {
                                        verdict.allow();
                                    } else {
                                        verdict.deny("no token");
                                    }
                                }));

        HttpResponse<String> refused = get("EIO=4&transport=polling");
        HttpResponse<String> allowed =
                send(
                        HttpRequest.newBuilder(http("EIO=4&transport=polling"))
                                .header("X-Token", "ok"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).isEqualTo("{\"code\":4,\"message\":\"no token\"}");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertWebSocketEnds("EIO=4&transport=websocket");
    }

    @Test
    void refusesAnOriginOutsideTheCorsPolicyWith403AndAnswersPreflights() throws Exception {
        start(
                EngineOptions.builder()
                        .cors(
                                CorsOptions.of(
                                        OriginPolicy.allowList(List.of("http://good.example")))));

        HttpResponse<String> evil =
                send(
                        HttpRequest.newBuilder(http("EIO=4&transport=polling"))
                                .header("Origin", "http://evil.example"));
        HttpResponse<String> good =
                send(
                        HttpRequest.newBuilder(http("EIO=4&transport=polling"))
                                .header("Origin", "http://good.example"));
        HttpResponse<String> preflight =
                send(
                        HttpRequest.newBuilder(http("EIO=4&transport=polling"))
                                .method("OPTIONS", BodyPublishers.noBody())
                                .header("Origin", "http://good.example")
                                .header("Access-Control-Request-Method", "POST"));

        assertThat(evil.statusCode()).isEqualTo(403);
        assertThat(evil.body()).isEqualTo("{\"code\":4,\"message\":\"Forbidden\"}");
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(good.headers().firstValue("access-control-allow-origin"))
                .hasValue("http://good.example");
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("access-control-allow-origin"))
                .hasValue("http://good.example");
        assertThat(preflight.headers().firstValue("access-control-allow-methods")).isPresent();
    }

    @ParameterizedTest
    @CsvSource({
        "transport=websocket",
        "EIO=abc&transport=websocket",
        "EIO=4",
        "EIO=4&transport=abc",
        "EIO=4&transport=websocket&sid=nope",
    })
    void endsRefusedWebSockets(String query) throws Exception {
        start();

        assertWebSocketEnds(query);

        assertThat(realEngine.clientsCount()).isZero();
    }

    // ---- messages ------------------------------------------------------------------------

    @Test
    void echoesAPolledTextPacket() throws Exception {
        start();
        String sid = handshake();

        HttpResponse<String> pushed = post(sid, "4hello");
        HttpResponse<String> polled = poll(sid);

        assertThat(pushed.statusCode()).isEqualTo(200);
        assertThat(pushed.body()).isEqualTo("ok");
        assertThat(polled.statusCode()).isEqualTo(200);
        assertThat(polled.body()).isEqualTo("4hello");
    }

    @Test
    void batchesEveryWaitingPacketIntoOneGet() throws Exception {
        start();
        String sid = handshake();

        assertThat(post(sid, "4test1" + RS + "4test2" + RS + "4test3").body()).isEqualTo("ok");

        assertThat(poll(sid).body()).isEqualTo("4test1" + RS + "4test2" + RS + "4test3");
    }

    @Test
    void echoesMixedTextAndBinaryPacketsByteForByteOverPolling() throws Exception {
        start();
        String sid = handshake();

        assertThat(post(sid, "4hello" + RS + "bAQIDBA==").body()).isEqualTo("ok");

        assertThat(poll(sid).body()).isEqualTo("4hello" + RS + "bAQIDBA==");
    }

    @Test
    void answersAParkedPollWhenAMessageArrives() throws Exception {
        start();
        String sid = handshake();
        engine.forgetHandled();

        CompletableFuture<HttpResponse<String>> pending = parked(pollAsync(sid, ""));
        assertThat(post(sid, "4late").body()).isEqualTo("ok");

        assertThat(await(pending).body()).isEqualTo("4late");
    }

    @Test
    void echoesTextAndBinaryFramesOverWebSocket() throws Exception {
        start();
        WsClient client = WsClient.connect(ws("EIO=4&transport=websocket"));
        assertThat(client.next(WAIT)).startsWith("text:0{");

        client.send("4hello").sendBinary(new byte[] {1, 2, 3, 4});

        assertThat(client.next(WAIT)).isEqualTo("text:4hello");
        assertThat(client.next(WAIT)).isEqualTo("binary:[1, 2, 3, 4]");
    }

    @Test
    void closesAPollingSessionOnAnInvalidPacket() throws Exception {
        start();
        String sid = handshake();

        HttpResponse<String> pushed = post(sid, "abc");

        assertThat(pushed.statusCode()).isEqualTo(400);
        assertThat(closeOf(sid)).isEqualTo("parse error");
        assertUnknownSid(sid);
    }

    @Test
    void closesAWebSocketOnAnInvalidPacket() throws Exception {
        start();
        WsClient client = WsClient.connect(ws("EIO=4&transport=websocket"));
        String sid = json(client.next(WAIT).substring("text:0".length())).getString("sid");

        client.sendAndForget("abc");

        await(client.closed);
        assertThat(closeOf(sid)).isEqualTo("parse error");
    }

    @Test
    void closesTheSessionOnTwoConcurrentPolls() throws Exception {
        start();
        String sid = handshake();
        engine.forgetHandled();

        CompletableFuture<HttpResponse<String>> first = parked(pollAsync(sid, ""));
        HttpResponse<String> second = await(pollAsync(sid, "&t=burst"));

        assertThat(await(first).statusCode()).isEqualTo(200);
        assertThat(await(first).body()).isEqualTo("1");
        assertThat(second.statusCode()).isIn(400, 500);
        assertThat(closeOf(sid)).isEqualTo("transport error");
        assertUnknownSid(sid);
    }

    @Test
    void closesTheSessionWhenTheClientAbortsItsPoll() throws Exception {
        start();
        String sid = handshake();
        engine.forgetHandled();

        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.getOutputStream()
                    .write(
                            ("GET "
                                            + PATH
                                            + "?EIO=4&transport=polling&sid="
                                            + sid
                                            + " HTTP/1.1\r\n"
                                            + "Host: 127.0.0.1:"
                                            + port
                                            + "\r\n\r\n")
                                    .getBytes(UTF_8));
            engine.awaitHandled(WAIT);
        }

        // HTTP/1.1 containers only see the abort when they next touch the connection, so the
        // next poll closes the session as an overlapping one does (both Node answers pass the
        // suite)
        assertThat(poll(sid).statusCode()).isEqualTo(400);
        assertUnknownSid(sid);
    }

    // ---- heartbeat -----------------------------------------------------------------------

    @Test
    void pingsAPollingClientEveryPingInterval() throws Exception {
        startWithFastPings();
        String sid = handshake();

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> polled = poll(sid);
            assertThat(polled.statusCode()).isEqualTo(200);
            assertThat(polled.body()).isEqualTo("2");
            HttpResponse<String> pong = post(sid, "3");
            assertThat(pong.statusCode()).isEqualTo(200);
            assertThat(pong.body()).isEqualTo("ok");
        }
        assertThat(realEngine.client(sid)).isPresent();
    }

    @Test
    void closesASilentPollingSessionAfterPingTimeoutWithoutAPendingPoll() throws Exception {
        startWithShortHeartbeat();
        String sid = handshake();

        assertThat(closeOf(sid)).isEqualTo("ping timeout");

        assertUnknownSid(sid);
    }

    @Test
    void pingsAWebSocketClientEveryPingInterval() throws Exception {
        startWithFastPings();
        WsClient client = WsClient.connect(ws("EIO=4&transport=websocket"));
        assertThat(client.next(WAIT)).startsWith("text:0{");

        for (int i = 0; i < 3; i++) {
            assertThat(client.next(WAIT)).isEqualTo("text:2");
            client.send("3");
        }
        assertThat(client.closed).isNotDone();
    }

    @Test
    void closesASilentWebSocketAfterPingTimeout() throws Exception {
        startWithShortHeartbeat();
        WsClient client = WsClient.connect(ws("EIO=4&transport=websocket"));
        String sid = json(client.next(WAIT).substring("text:0".length())).getString("sid");

        assertThat(client.next(WAIT)).isEqualTo("text:2");
        assertThat(closeOf(sid)).isEqualTo("ping timeout");
        client.closed.handle((code, error) -> null).get(5, TimeUnit.SECONDS);
        assertThat(client.closed).isDone();
    }

    // ---- close ---------------------------------------------------------------------------

    @Test
    void answersThePendingPollWithNoopWhenTheClientSendsClose() throws Exception {
        start();
        String sid = handshake();
        engine.forgetHandled();

        CompletableFuture<HttpResponse<String>> pending = parked(pollAsync(sid, ""));
        HttpResponse<String> pushed = post(sid, "1");

        assertThat(pushed.statusCode()).isEqualTo(200);
        assertThat(await(pending).statusCode()).isEqualTo(200);
        assertThat(await(pending).body()).isEqualTo("6");
        assertThat(closeOf(sid)).isEqualTo("transport close");
        assertUnknownSid(sid);
    }

    /**
     * The official suites' "forcefully closes the session": the client sends its GET and its close
     * together, and the close is applied first (here made certain by waiting for it). The GET still
     * gets the noop, as from Node, whose event loop takes the GET first; a GET after the close's
     * answer gets 400.
     */
    @Test
    void answersAGetSentTogetherWithTheClientsCloseWithNoopWhenTheCloseIsAppliedFirst()
            throws Exception {
        start();
        String sid = handshake();
        CompletableFuture<HttpResponse<String>> close =
                http.sendAsync(
                        HttpRequest.newBuilder(http("EIO=4&transport=polling&sid=" + sid))
                                .POST(BodyPublishers.ofString("1"))
                                .build(),
                        BodyHandlers.ofString());
        assertThat(closeOf(sid)).isEqualTo("transport close");

        HttpResponse<String> racing = poll(sid);

        assertThat(racing.statusCode()).isEqualTo(200);
        assertThat(racing.body()).isEqualTo("6");
        assertThat(await(close).statusCode()).isEqualTo(200);
        assertThat(await(close).body()).isEqualTo("ok");
        assertUnknownSid(sid);
    }

    @Test
    void closesTheWebSocketWhenTheClientSendsClose() throws Exception {
        start();
        WsClient client = WsClient.connect(ws("EIO=4&transport=websocket"));
        String sid = json(client.next(WAIT).substring("text:0".length())).getString("sid");

        client.send("1");

        assertThat(closeOf(sid)).isEqualTo("transport close");
        client.closed.handle((code, error) -> null).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(client.closed).isDone();
    }

    // ---- upgrade -------------------------------------------------------------------------

    @Test
    void upgradesFromPollingToWebSocket() throws Exception {
        start();
        String sid = handshake();
        WsClient client = WsClient.connect(ws("EIO=4&transport=websocket&sid=" + sid));

        client.send("2probe");
        assertThat(client.next(WAIT)).isEqualTo("text:3probe");
        HttpResponse<String> polled = poll(sid);
        assertThat(polled.statusCode()).isEqualTo(200);
        assertThat(polled.body()).isEqualTo("6");
        client.send("5").send("4hello");

        assertThat(client.next(WAIT)).isEqualTo("text:4hello");
        assertThat(realEngine.client(sid).orElseThrow().transport()).isEqualTo("websocket");
    }

    @Test
    void answersAPollParkedDuringTheProbeWithNoop() throws Exception {
        start();
        String sid = handshake();
        engine.forgetHandled();
        CompletableFuture<HttpResponse<String>> pending = parked(pollAsync(sid, ""));
        WsClient client = WsClient.connect(ws("EIO=4&transport=websocket&sid=" + sid));

        client.send("2probe");

        assertThat(client.next(WAIT)).isEqualTo("text:3probe");
        assertThat(await(pending).body()).isEqualTo("6");
    }

    @Test
    void refusesPollsAndASecondWebSocketAfterTheUpgrade() throws Exception {
        start();
        String sid = handshake();
        WsClient client = WsClient.connect(ws("EIO=4&transport=websocket&sid=" + sid));
        client.send("2probe");
        assertThat(client.next(WAIT)).isEqualTo("text:3probe");
        client.send("5").send("4ready");
        assertThat(client.next(WAIT)).isEqualTo("text:4ready");

        HttpResponse<String> polled = poll(sid);
        assertThat(polled.statusCode()).isEqualTo(400);
        assertThat(polled.body()).isEqualTo("{\"code\":3,\"message\":\"Bad request\"}");
        assertWebSocketEnds("EIO=4&transport=websocket&sid=" + sid);

        client.send("4hello");
        assertThat(client.next(WAIT)).isEqualTo("text:4hello");
    }

    @Test
    void leavesNoSessionBehindWhenAThousandClientsAbandonTheirs() throws Exception {
        startWithShortHeartbeat();
        int count = 1000;
        java.util.Set<String> opened = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            opened.add(handshake());
        }
        for (int i = 0; i < 20; i++) {
            WsClient client = WsClient.connect(ws("EIO=4&transport=websocket"));
            opened.add(json(client.next(WAIT).substring("text:0".length())).getString("sid"));
            client.abort();
        }

        java.util.Set<String> closed = new java.util.HashSet<>();
        while (closed.size() < opened.size()) {
            String event = closes.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(event).as("closed " + closed.size() + " of " + opened.size()).isNotNull();
            closed.add(event.substring(0, event.indexOf(':')));
        }
        assertThat(closed).isEqualTo(opened);
        assertThat(realEngine.clientsCount()).isZero();
        assertThat(realEngine.clients()).isEmpty();
    }

    // ---- limits --------------------------------------------------------------------------

    @Test
    void answers413ToAPostOverMaxHttpBufferSizeAndClosesTheSession() throws Exception {
        start(EngineOptions.builder().maxHttpBufferSize(1000));
        String sid = handshake();

        HttpResponse<String> atLimit = post(sid, "4" + "x".repeat(999));
        assertThat(atLimit.body()).isEqualTo("ok");
        HttpResponse<String> over = post(sid, "4" + "x".repeat(1000));

        assertThat(over.statusCode()).isEqualTo(413);
        assertThat(closeOf(sid)).isEqualTo("transport error");
        assertUnknownSid(sid);
    }

    @Test
    void answers413ToAStreamedPostOverMaxHttpBufferSize() throws Exception {
        start(EngineOptions.builder().maxHttpBufferSize(1000));
        String sid = handshake();
        byte[] body = ("4" + "x".repeat(99_999)).getBytes(UTF_8);

        HttpResponse<String> over =
                send(
                        HttpRequest.newBuilder(http("EIO=4&transport=polling&sid=" + sid))
                                .POST(
                                        BodyPublishers.ofInputStream(
                                                () -> new java.io.ByteArrayInputStream(body))));

        assertThat(over.statusCode()).isEqualTo(413);
        assertThat(closeOf(sid)).isEqualTo("transport error");
    }

    @Test
    void closesAWebSocketWith1009OnAMessageOverMaxHttpBufferSize() throws Exception {
        start(EngineOptions.builder().maxHttpBufferSize(1000));
        WsClient client = WsClient.connect(ws("EIO=4&transport=websocket"));
        JsonObject open = json(client.next(WAIT).substring("text:0".length()));
        assertThat(open.getInt("maxPayload")).isEqualTo(1000);

        client.send("4" + "x".repeat(999));
        assertThat(client.next(WAIT)).isEqualTo("text:4" + "x".repeat(999));
        client.sendAndForget("4" + "x".repeat(1000));

        assertThat(await(client.closed)).isEqualTo(1009);
        assertThat(closeOf(open.getString("sid"))).isIn("transport close", "transport error");
    }

    @Test
    void keepsOtherSessionsUntouchedWhenOneSendsGarbage() throws Exception {
        start();
        String healthy = handshake();
        String broken = handshake();

        post(broken, "abc");
        assertThat(closeOf(broken)).isEqualTo("parse error");

        assertThat(post(healthy, "4still here").body()).isEqualTo("ok");
        assertThat(poll(healthy).body()).isEqualTo("4still here");
    }
}
