package io.jsocketio;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.CloseReason;
import io.jsocketio.testing.FakeEngineSocket;
import io.jsocketio.testing.SioHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connection state recovery with the in-memory adapter, wire frames as the Node server's. */
class RecoveryTest {
    private static final Duration MAX = Duration.ofSeconds(10);

    private final SioHarness h =
            SioHarness.create(b -> b.connectionStateRecovery(MAX, true).serveClient(false));
    private final List<Socket> sockets = new ArrayList<>();
    private final List<String> middlewareRuns = new ArrayList<>();

    RecoveryTest() {
        h.io.use(
                (socket, next) -> {
                    middlewareRuns.add(socket.id());
                    next.proceed();
                });
        h.io.onConnection(
                s -> {
                    sockets.add(s);
                    s.on("join", (args, ack) -> s.join(args.get(0, String.class)));
                });
    }

    @AfterEach
    void close() {
        h.close();
    }

    /** A connected socket in room {@code r}; returns its CONNECT reply. */
    private String connectInRoom(FakeEngineSocket conn) {
        conn.receive("0");
        String reply = conn.lastText();
        conn.receive("2[\"join\",\"r\"]");
        conn.clearSent();
        return reply;
    }

    private static String field(String json, String name) {
        int start = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(start, json.indexOf('"', start));
    }

    @Test
    void theConnectReplyCarriesAPrivateSessionIdAndEventsTheirOffset() {
        FakeEngineSocket conn = h.open();
        String reply = connectInRoom(conn);
        assertThat(reply).matches("0\\{\"sid\":\"[^\"]+\",\"pid\":\"[^\"]+\"}");

        h.io.to("r").emit("news", 1);
        sockets.get(0).emit("direct", "x");
        h.io.to("r").asVolatile().emit("vol", 2);
        sockets.get(0).emit("withAck", (err, args) -> {}, "y");

        assertThat(conn.texts())
                .containsExactly(
                        "2[\"news\",1,\"1\"]",
                        "2[\"direct\",\"x\",\"2\"]",
                        "2[\"vol\",2]",
                        "20[\"withAck\",\"y\"]");
    }

    @Test
    void anOutgoingListenerSeesEmitsToTheSocketAndTheyStillGoOut() {
        List<String> outgoing = new ArrayList<>();
        FakeEngineSocket conn = h.open();
        connectInRoom(conn);
        sockets.get(0).onAnyOutgoing((event, args) -> outgoing.add(event + args.toList()));

        sockets.get(0).emit("direct", "x");
        h.io.to("r").emit("news", 1);

        assertThat(conn.texts())
                .containsExactly("2[\"direct\",\"x\",\"1\"]", "2[\"news\",1,\"2\"]");
        assertThat(outgoing).containsExactly("direct[x, 1]", "news[1, 2]");
    }

    @Test
    void aDroppedClientGetsItsIdRoomsDataAndMissedPacketsInOrder() {
        FakeEngineSocket first = h.open();
        String reply = connectInRoom(first);
        String sid = field(reply, "sid");
        String pid = field(reply, "pid");
        sockets.get(0).data("some data");
        h.io.to("r").emit("news", 0);
        String offset = "1";
        assertThat(first.lastText()).isEqualTo("2[\"news\",0,\"1\"]");

        first.end(CloseReason.TRANSPORT_CLOSE, null);
        h.io.to("r").emit("news", 1);
        h.io.to("other").emit("notForMe", 1);
        h.io.except("r").emit("notForMe", 2);
        h.io.emit("all", 3);

        FakeEngineSocket second = h.open();
        second.receive("0{\"pid\":\"" + pid + "\",\"offset\":\"" + offset + "\"}");

        assertThat(second.texts())
                .containsExactly(
                        "2[\"news\",1,\"2\"]",
                        "2[\"all\",3,\"5\"]",
                        "0{\"sid\":\"" + sid + "\",\"pid\":\"" + pid + "\"}");
        Socket recovered = sockets.get(1);
        assertThat(recovered.recovered()).isTrue();
        assertThat(recovered.id()).isEqualTo(sid);
        assertThat(recovered.rooms()).containsExactlyInAnyOrder(sid, "r");
        assertThat(recovered.data(String.class)).contains("some data");
        assertThat(middlewareRuns).containsExactly(sid);
        assertThat(sockets.get(0).recovered()).isFalse();
    }

    @Test
    void anExpiredSessionGivesANewOne() {
        FakeEngineSocket first = h.open();
        String reply = connectInRoom(first);
        h.io.to("r").emit("news", 0);
        first.end(CloseReason.PING_TIMEOUT, null);

        h.advance(MAX);

        FakeEngineSocket second = h.open();
        second.receive("0{\"pid\":\"" + field(reply, "pid") + "\",\"offset\":\"1\"}");
        assertThat(sockets.get(1).recovered()).isFalse();
        assertThat(sockets.get(1).id()).isNotEqualTo(field(reply, "sid"));
        assertThat(second.lastText()).doesNotContain(field(reply, "pid"));
        assertThat(sockets.get(1).rooms()).containsExactly(sockets.get(1).id());
    }

    @Test
    void aNamespaceLevelDisconnectIsNotRecoverable() {
        FakeEngineSocket first = h.open();
        String reply = connectInRoom(first);
        h.io.to("r").emit("news", 0);
        first.receive("1");

        first.receive("0{\"pid\":\"" + field(reply, "pid") + "\",\"offset\":\"1\"}");
        assertThat(sockets.get(1).recovered()).isFalse();
    }

    @Test
    void aSessionIsRestoredOnce() {
        FakeEngineSocket first = h.open();
        String reply = connectInRoom(first);
        h.io.to("r").emit("news", 0);
        first.end(CloseReason.TRANSPORT_ERROR, null);
        String connect = "0{\"pid\":\"" + field(reply, "pid") + "\",\"offset\":\"1\"}";

        h.open().receive(connect);
        h.open().receive(connect);

        assertThat(sockets.get(1).recovered()).isTrue();
        assertThat(sockets.get(2).recovered()).isFalse();
    }

    @Test
    void theLogForgetsPacketsOlderThanTheDurationSoAnOldOffsetGivesANewSession() {
        FakeEngineSocket first = h.open();
        String reply = connectInRoom(first);
        h.io.to("r").emit("news", 0);
        h.advance(MAX);
        h.advance(MAX); // two sweeps: the first packet is gone
        first.end(CloseReason.TRANSPORT_CLOSE, null);

        h.open().receive("0{\"pid\":\"" + field(reply, "pid") + "\",\"offset\":\"1\"}");
        assertThat(sockets.get(1).recovered()).isFalse();
    }

    @Test
    void middlewaresRunWhenNotSkipped() {
        try (SioHarness other = SioHarness.create(b -> b.connectionStateRecovery(MAX, false))) {
            List<String> runs = new ArrayList<>();
            List<Socket> seen = new ArrayList<>();
            other.io.use(
                    (socket, next) -> {
                        runs.add(socket.id());
                        next.proceed();
                    });
            other.io.onConnection(seen::add);
            FakeEngineSocket first = other.open();
            first.receive("0");
            String reply = first.lastText();
            other.io.emit("news", 0);
            first.end(CloseReason.TRANSPORT_CLOSE, null);

            other.open().receive("0{\"pid\":\"" + field(reply, "pid") + "\",\"offset\":\"1\"}");

            assertThat(seen.get(1).recovered()).isTrue();
            assertThat(runs).containsExactly(seen.get(0).id(), seen.get(0).id());
        }
    }

    @Test
    void recoveryIsOffByDefault() {
        try (SioHarness plain = SioHarness.create()) {
            FakeEngineSocket conn = plain.open();
            conn.receive("0");
            assertThat(conn.lastText()).matches("0\\{\"sid\":\"[^\"]+\"}");
            conn.clearSent();
            plain.io.emit("news", 1);
            assertThat(conn.texts()).containsExactly("2[\"news\",1]");
        }
    }
}
