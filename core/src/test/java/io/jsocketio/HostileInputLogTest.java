package io.jsocketio;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.EngineServer;
import io.jsocketio.engine.testing.FakeEngineRequest;
import io.jsocketio.engine.testing.FakePollingExchange;
import io.jsocketio.engine.testing.FakeWebSocketPeer;
import io.jsocketio.engine.testing.ManualScheduler;
import io.jsocketio.testing.LogCapture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule for everything a client sends: it never produces a stack trace, and a client-caused
 * problem is logged at most once per session above {@code DEBUG}. Each hostile input is sent again
 * and again (on the same session while it stays open, on a new one once it was closed) through the
 * real engine and Socket.IO layer, and the captured log is checked.
 */
class HostileInputLogTest {
    private static final int ROUNDS = 60;
    private static final String WS = "/socket.io/?EIO=4&transport=websocket";
    private static final String PLACEHOLDER0 = "{\"_placeholder\":true,\"num\":0}";

    private final ManualScheduler scheduler = new ManualScheduler();
    private Server io;
    private LogCapture log;

    @BeforeEach
    void start() {
        io =
                new Server(
                        ServerOptions.builder()
                                .executor(Runnable::run)
                                .scheduler(scheduler)
                                .allowEIO3(true)
                                .build());
        io.bind(EngineServer.create(io.options().engineOptions()));
        io.of("/admin").onConnection(s -> s.on("ping", (args, ack) -> ack.send("pong")));
        io.onConnection(s -> s.on("echo", (args, ack) -> ack.send("ok")));
        log = LogCapture.start();
    }

    @AfterEach
    void stop() {
        log.close();
        io.close();
    }

    /** Frames after {@code 40}: a text String is a text frame, a byte[] a binary frame. */
    static Stream<Arguments> webSocketInputs() {
        byte[] bin = {1, 2, 3};
        String deep = "42[\"echo\"," + "[".repeat(50_000) + "]".repeat(50_000) + "]";
        return Stream.of(
                Arguments.of("ack without id", List.of("43")),
                Arguments.of("ack without id, with arguments", List.of("43[1,2]")),
                Arguments.of("binary ack without id", List.of("461-[" + PLACEHOLDER0 + "]", bin)),
                Arguments.of("unknown ack id", List.of("4399[]")),
                Arguments.of("ack for an unjoined namespace", List.of("43/admin,1[]")),
                Arguments.of("event without payload", List.of("42")),
                Arguments.of("event with an object payload", List.of("42{}")),
                Arguments.of("event with an empty array", List.of("42[]")),
                Arguments.of("event with a reserved name", List.of("42[\"disconnect\"]")),
                Arguments.of("ack id not a number", List.of("42abc[\"echo\"]")),
                Arguments.of("ack id out of range", List.of("4299999999999999999999[\"echo\"]")),
                Arguments.of("event with bad JSON", List.of("42[\"echo\",{]")),
                Arguments.of("event 100k deep", List.of(deep)),
                Arguments.of("unknown packet type", List.of("4abc")),
                Arguments.of("packet type 9", List.of("49")),
                Arguments.of("binary event, bad count", List.of("45x-[\"echo\"]")),
                Arguments.of("binary event, count 0", List.of("450-[\"echo\"]")),
                Arguments.of("binary event, too many", List.of("4511-[\"echo\"]")),
                Arguments.of(
                        "binary event, placeholder out of range",
                        List.of("451-[\"echo\",{\"_placeholder\":true,\"num\":7}]", bin)),
                Arguments.of(
                        "binary event, placeholder not a number",
                        List.of("451-[\"echo\",{\"_placeholder\":true,\"num\":\"x\"}]", bin)),
                Arguments.of("binary frame unasked", List.of(bin)),
                Arguments.of(
                        "text while reconstructing",
                        List.of("451-[\"echo\"," + PLACEHOLDER0 + "]", "42[\"echo\",1]")),
                Arguments.of("event to an unjoined namespace", List.of("42/admin,[\"ping\"]")),
                Arguments.of("connect to an unknown namespace", List.of("40/nope,")),
                Arguments.of("connect with a line break", List.of("40/admin\n,")),
                Arguments.of("connect with a NUL", List.of("40/a\u0000,")),
                Arguments.of("connect with bad JSON", List.of("40/admin,{bad")),
                Arguments.of("connect with an array", List.of("40/admin,[1]")),
                Arguments.of("connect with a string", List.of("40/admin,\"x\"")),
                Arguments.of("connect with a bad query", List.of("40/admin?%zz=%,")),
                Arguments.of("connect twice", List.of("40")),
                Arguments.of("connect error from the client", List.of("44{\"message\":\"x\"}")),
                Arguments.of("disconnect of an unjoined namespace", List.of("41/admin,")),
                Arguments.of("empty frame", List.of("")),
                Arguments.of("engine garbage", List.of("abc")),
                Arguments.of("engine type 9", List.of("9")),
                Arguments.of("ping from the client", List.of("2")),
                Arguments.of("unexpected pong", List.of("3")),
                Arguments.of("probe outside an upgrade", List.of("2probe")),
                Arguments.of("upgrade outside an upgrade", List.of("5")),
                Arguments.of("open from the client", List.of("0")),
                Arguments.of("noop", List.of("6")),
                Arguments.of("empty binary frame", List.of(new byte[0])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webSocketInputs")
    void aWebSocketFloodLogsNoStackTraceAndAtMostOnceAboveDebugPerSession(
            String name, List<Object> frames) {
        int sessions = flood(frames, f -> {});

        check(name, sessions);
    }

    /** POST bodies on an open Engine.IO 4 polling session, after {@code 40}. */
    static Stream<Arguments> pollingInputs() {
        return Stream.of(
                Arguments.of("EIO=4", "garbage", "abc".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("EIO=4", "empty records", utf8("4a\u001e\u001e4b")),
                Arguments.of("EIO=4", "empty body", new byte[0]),
                Arguments.of("EIO=4", "bad base64", utf8("b!!!")),
                Arguments.of("EIO=4", "ack without id", utf8("43")),
                Arguments.of(
                        "EIO=4",
                        "binary ack without id",
                        utf8("461-[" + PLACEHOLDER0 + "]\u001ebAQID")),
                Arguments.of("EIO=4", "invalid UTF-8", new byte[] {'4', (byte) 0xff, (byte) 0xfe}),
                Arguments.of("EIO=4", "client ping", utf8("2")),
                Arguments.of("EIO=3", "length too long", utf8("99:4a")),
                Arguments.of("EIO=3", "length not a number", utf8("x:4a")),
                Arguments.of("EIO=3", "length mismatch", utf8("4:4a1:2")),
                Arguments.of("EIO=3", "no length", utf8("4abc")),
                Arguments.of("EIO=3", "ack without id", utf8("2:43")),
                Arguments.of("EIO=3", "unknown namespace", utf8("8:40/nope,")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pollingInputs")
    void aPollingFloodLogsNoStackTraceAndAtMostOnceAboveDebugPerSession(
            String eio, String name, byte[] body) {
        int sessions = 0;
        String sid = null;
        for (int i = 0; i < ROUNDS; i++) {
            if (sid == null || !io.engine().client(sid).isPresent()) {
                sid = pollingSession(eio);
                sessions++;
            }
            String url = "/socket.io/?" + eio + "&transport=polling&sid=" + sid;
            io.engine()
                    .handleRequest(
                            new FakePollingExchange(FakeEngineRequest.of("POST", url), body));
            io.engine().handleRequest(FakePollingExchange.get(url));
        }

        check(eio + " " + name, sessions);
    }

    static Stream<Arguments> refusedRequests() {
        return Stream.of(
                Arguments.of("GET", "/socket.io/?EIO=4&transport=polling&sid=unknown"),
                Arguments.of("POST", "/socket.io/?EIO=4&transport=polling&sid=unknown"),
                Arguments.of("GET", "/socket.io/?EIO=abc&transport=polling"),
                Arguments.of("GET", "/socket.io/?EIO=4&transport=abc"),
                Arguments.of("GET", "/socket.io/?transport=polling"),
                Arguments.of("POST", "/socket.io/?EIO=4&transport=polling"),
                Arguments.of("PUT", "/socket.io/?EIO=4&transport=polling"),
                Arguments.of("GET", "/socket.io/?EIO=4&transport=polling&sid=%00%ff"),
                Arguments.of("GET", "/socket.io/?EIO=4&transport=websocket"),
                Arguments.of("GET", "/socket.io/?EIO=3&transport=polling&j=abc"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("refusedRequests")
    void aFloodOfRefusedRequestsLogsNothingAboveDebug(String method, String url) {
        for (int i = 0; i < ROUNDS; i++) {
            io.engine().handleRequest(FakePollingExchange.of(FakeEngineRequest.of(method, url)));
        }

        assertThat(log.withStackTrace()).as(LogCapture.describe(log.withStackTrace())).isEmpty();
        assertThat(log.aboveDebug()).as(LogCapture.describe(log.aboveDebug())).isEmpty();
    }

    private int flood(List<Object> frames, Consumer<FakeWebSocketPeer> after) {
        int sessions = 0;
        FakeWebSocketPeer peer = null;
        for (int i = 0; i < ROUNDS; i++) {
            if (peer == null || peer.isClosed()) {
                peer = FakeWebSocketPeer.to(WS).open(io.engine());
                peer.receive("40");
                sessions++;
            }
            for (Object frame : frames) {
                if (frame instanceof String text) {
                    peer.receive(text);
                } else {
                    peer.receive((byte[]) frame);
                }
            }
            after.accept(peer);
        }
        return sessions;
    }

    private String pollingSession(String eio) {
        FakePollingExchange open =
                FakePollingExchange.get("/socket.io/?" + eio + "&transport=polling");
        io.engine().handleRequest(open);
        String sid = open.body().replaceAll("(?s).*\"sid\":\"([^\"]+)\".*", "$1");
        if (eio.equals("EIO=4")) {
            io.engine()
                    .handleRequest(
                            FakePollingExchange.post(
                                    "/socket.io/?EIO=4&transport=polling&sid=" + sid, "40"));
            io.engine()
                    .handleRequest(
                            FakePollingExchange.get(
                                    "/socket.io/?EIO=4&transport=polling&sid=" + sid));
        }
        return sid;
    }

    private void check(String name, int sessions) {
        assertThat(log.withStackTrace())
                .as(name + ": " + LogCapture.describe(log.withStackTrace()))
                .isEmpty();
        assertThat(log.aboveDebug().size())
                .as(name + ": " + LogCapture.describe(log.aboveDebug()))
                .isLessThanOrEqualTo(sessions);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
