package io.jsocketio;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.CloseReason;
import io.jsocketio.testing.FakeEngineSocket;
import io.jsocketio.testing.SioHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How sockets end, and the reason each end reports. */
class DisconnectTest {
    private final SioHarness h = SioHarness.create();
    private final List<Socket> sockets = new ArrayList<>();
    private final List<String> events = new ArrayList<>();

    DisconnectTest() {
        h.io.onConnection(
                s -> {
                    sockets.add(s);
                    s.onDisconnecting((reason, d) -> events.add("disconnecting " + reason));
                    s.onDisconnect((reason, d) -> events.add("disconnect " + reason));
                });
        h.io.of("/custom", s -> s.onDisconnect((r, d) -> events.add("custom " + r)));
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aClientDisconnectLeavesThatNamespaceOnlyAndSendsNothing() {
        FakeEngineSocket conn = h.connected();
        conn.receive("0/custom,");
        conn.clearSent();

        conn.receive("1/custom,");

        assertThat(events).containsExactly("custom client namespace disconnect");
        assertThat(conn.messages()).isEmpty();
        assertThat(conn.isOpen()).isTrue();
        sockets.get(0).on("ping", (args, ack) -> ack.send("pong"));
        conn.receive("21[\"ping\"]");
        assertThat(conn.texts()).containsExactly("31[\"pong\"]");
    }

    @Test
    void aClientDisconnectFromTheMainNamespaceKeepsTheSession() {
        FakeEngineSocket conn = h.connected();

        conn.receive("1");

        assertThat(events)
                .containsExactly(
                        "disconnecting client namespace disconnect",
                        "disconnect client namespace disconnect");
        assertThat(conn.isOpen()).isTrue();
        assertThat(conn.messages()).isEmpty();
        assertThat(sockets.get(0).connected()).isFalse();
        assertThat(sockets.get(0).disconnected()).isTrue();
        assertThat(h.io.sockets().sockets()).isEmpty();
    }

    @Test
    void aServerDisconnectSendsDisconnectAndKeepsTheSession() {
        FakeEngineSocket conn = h.connected();

        sockets.get(0).disconnect();

        assertThat(conn.texts()).containsExactly("1");
        assertThat(conn.isOpen()).isTrue();
        assertThat(events)
                .containsExactly(
                        "disconnecting server namespace disconnect",
                        "disconnect server namespace disconnect");
    }

    @Test
    void aServerDisconnectWithCloseEndsEveryNamespaceAndTheSession() {
        FakeEngineSocket conn = h.connected();
        conn.receive("0/custom,");
        conn.clearSent();

        sockets.get(0).disconnect(true);

        assertThat(conn.texts()).containsExactlyInAnyOrder("1", "1/custom,");
        assertThat(conn.isOpen()).isFalse();
        assertThat(events)
                .contains(
                        "disconnect server namespace disconnect",
                        "custom server namespace disconnect");
    }

    @Test
    void reportsTheEngineCloseReason() {
        for (CloseReason reason : CloseReason.values()) {
            events.clear();
            FakeEngineSocket conn = h.connected();

            conn.end(reason, null);

            assertThat(events)
                    .containsExactly(
                            "disconnecting " + reason.wire(), "disconnect " + reason.wire());
        }
    }

    @Test
    void disconnectingListenersStillSeeTheRoomsAndDisconnectListenersDoNot() {
        FakeEngineSocket conn = h.connected();
        Socket s = sockets.get(0);
        s.join("room");
        List<Set<String>> seen = new ArrayList<>();
        s.onDisconnecting((r, d) -> seen.add(s.rooms()));
        s.onDisconnect((r, d) -> seen.add(s.rooms()));

        conn.end(CloseReason.TRANSPORT_CLOSE, null);

        assertThat(seen.get(0)).containsExactly(s.id(), "room");
        assertThat(seen.get(1)).isEmpty();
    }

    @Test
    void aMalformedPacketClosesTheSessionWithParseError() {
        for (String bad : List.of("abc", "2{}", "2abc[\"x\"]", "9")) {
            events.clear();
            FakeEngineSocket conn = h.connected();
            List<Exception> errors = new ArrayList<>();
            sockets.get(sockets.size() - 1).onError(errors::add);

            conn.receive(bad);

            assertThat(conn.isOpen()).as(bad).isFalse();
            assertThat(events)
                    .as(bad)
                    .containsExactly("disconnecting parse error", "disconnect parse error");
            assertThat(errors).as(bad).hasSize(1);
        }
    }

    @Test
    void aMalformedPacketBeforeConnectClosesTheSession() {
        FakeEngineSocket conn = h.open();

        conn.receive("abc");

        assertThat(conn.isOpen()).isFalse();
        assertThat(conn.messages()).isEmpty();
    }

    @Test
    void disconnectFromAnotherThreadTakesEffectOnTheLane() throws Exception {
        FakeEngineSocket conn = h.connected();

        Thread t = new Thread(() -> sockets.get(0).disconnect());
        t.start();
        t.join();

        assertThat(conn.texts()).containsExactly("1");
        assertThat(events).hasSize(2);
    }

    @Test
    void closingTheServerDisconnectsEverySocketWithServerShuttingDown() {
        FakeEngineSocket a = h.connected();
        FakeEngineSocket b = h.connected();
        b.receive("0/custom,");
        List<Exception> closed = new ArrayList<>();

        h.io.close(closed::add);

        assertThat(events)
                .containsExactlyInAnyOrder(
                        "disconnecting server shutting down",
                        "disconnect server shutting down",
                        "disconnecting server shutting down",
                        "disconnect server shutting down",
                        "custom server shutting down");
        assertThat(closed).hasSize(1).containsOnlyNulls();
        assertThat(a.messages()).isEmpty();
        h.io.close();
        assertThat(closed).hasSize(1);
    }

    @Test
    void aClosedServerRefusesNewSessions() {
        h.io.close();

        FakeEngineSocket conn = h.open();

        assertThat(conn.isOpen()).isFalse();
    }

    @Test
    void emitsAfterDisconnectionAreDropped() {
        FakeEngineSocket conn = h.connected();
        Socket s = sockets.get(0);
        conn.receive("1");

        s.emit("late");

        assertThat(conn.messages()).isEmpty();
    }
}
