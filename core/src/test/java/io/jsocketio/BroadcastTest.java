package io.jsocketio;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.testing.FakeEngineSocket;
import io.jsocketio.testing.SioHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Broadcasting: rooms, except, the sender's exclusion, volatile, encode once. */
class BroadcastTest {
    private final SioHarness h = SioHarness.create();
    private final List<Socket> sockets = new ArrayList<>();
    private final FakeEngineSocket a;
    private final FakeEngineSocket b;
    private final FakeEngineSocket c;

    BroadcastTest() {
        h.io.onConnection(sockets::add);
        a = h.connected();
        b = h.connected();
        c = h.connected();
        sockets.get(0).join("red");
        sockets.get(1).join(List.of("red", "blue"));
        sockets.get(2).join("blue");
    }

    @AfterEach
    void close() {
        h.close();
    }

    private List<String> received() {
        return List.of(
                String.join("|", a.texts()),
                String.join("|", b.texts()),
                String.join("|", c.texts()));
    }

    @Test
    void emitsToEverySocketOfTheNamespace() {
        h.io.emit("hello", "all");

        assertThat(received()).containsOnly("2[\"hello\",\"all\"]");
    }

    @Test
    void emitsToTheMembersOfARoom() {
        h.io.to("red").emit("x");

        assertThat(received()).containsExactly("2[\"x\"]", "2[\"x\"]", "");
    }

    @Test
    void emitsOnceToASocketInSeveralTargetRooms() {
        h.io.to("red").to("blue").emit("x");
        h.io.in(List.of("red", "blue")).emit("y");

        assertThat(received())
                .containsExactly("2[\"x\"]|2[\"y\"]", "2[\"x\"]|2[\"y\"]", "2[\"x\"]|2[\"y\"]");
    }

    @Test
    void excludesTheMembersOfExceptedRooms() {
        h.io.except("blue").emit("x");
        h.io.to("red").except("blue").emit("y");

        assertThat(received()).containsExactly("2[\"x\"]|2[\"y\"]", "", "");
    }

    @Test
    void aSocketsBroadcastExcludesTheSender() {
        sockets.get(0).broadcast().emit("x");
        sockets.get(1).to("red").emit("y");
        sockets.get(2).except("red").emit("z");

        assertThat(received()).containsExactly("2[\"y\"]", "2[\"x\"]", "2[\"x\"]");
    }

    @Test
    void operatorsAreImmutableValues() {
        BroadcastOperator red = h.io.to("red");
        BroadcastOperator redNotBlue = red.except("blue");

        red.emit("x");

        assertThat(redNotBlue).isNotSameAs(red);
        assertThat(received()).containsExactly("2[\"x\"]", "2[\"x\"]", "");
        redNotBlue.emit("y");
        assertThat(received()).containsExactly("2[\"x\"]|2[\"y\"]", "2[\"x\"]", "");
    }

    @Test
    void encodesABroadcastOnceAndWritesTheSameMessagesToEveryRecipient() {
        h.io.emit("data", Map.of("bin", new byte[] {1, 2}));

        assertThat(a.sends()).hasSize(1);
        assertThat(a.sends().get(0)).hasSize(2);
        assertThat(b.sends().get(0)).isSameAs(a.sends().get(0));
        assertThat(c.sends().get(0)).isSameAs(a.sends().get(0));
    }

    @Test
    void dropsVolatilePacketsForSessionsThatCannotTakeThemNow() {
        b.writable(false);

        h.io.asVolatile().emit("tick", 1);
        sockets.get(1).asVolatile().emit("tick", 2);
        h.io.emit("tock");

        assertThat(received())
                .containsExactly(
                        "2[\"tick\",1]|2[\"tock\"]", "2[\"tock\"]", "2[\"tick\",1]|2[\"tock\"]");
    }

    @Test
    void aCompressFlagDoesNotChangeWhatIsSent() {
        h.io.compress(false).emit("x");
        sockets.get(0).compress(false).emit("y");

        assertThat(received()).containsExactly("2[\"x\"]|2[\"y\"]", "2[\"x\"]", "2[\"x\"]");
    }

    @Test
    void localBroadcastsReachTheLocalSockets() {
        h.io.local().emit("x");
        sockets.get(0).local().emit("y");

        assertThat(received())
                .containsExactly("2[\"x\"]", "2[\"x\"]|2[\"y\"]", "2[\"x\"]|2[\"y\"]");
    }

    @Test
    void sendsAMessageEventToTheNamespace() {
        h.io.send("hi");
        h.io.sockets().write("again");

        assertThat(received()).containsOnly("2[\"message\",\"hi\"]|2[\"message\",\"again\"]");
    }

    @Test
    void broadcastsOfOtherNamespacesCarryTheirName() {
        h.io.of("/chat");
        FakeEngineSocket d = h.open();
        d.receive("0/chat,");
        d.clearSent();

        h.io.of("/chat").emit("x", 1);

        assertThat(d.texts()).containsExactly("2/chat,[\"x\",1]");
        assertThat(received()).containsOnly("");
    }

    @Test
    void fetchSocketsReturnsTheSelectedSockets() throws Exception {
        List<RemoteSocket> red = h.io.in("red").fetchSockets().toCompletableFuture().get();
        List<RemoteSocket> all = h.io.fetchSockets().toCompletableFuture().get();
        Set<String> ids = h.io.except("red").allSockets().toCompletableFuture().get();

        assertThat(red)
                .extracting(RemoteSocket::id)
                .containsExactly(sockets.get(0).id(), sockets.get(1).id());
        assertThat(all).hasSize(3);
        assertThat(red.get(0)).isSameAs(sockets.get(0));
        assertThat(ids).hasSize(3);
    }

    @Test
    void socketsJoinAndSocketsLeaveChangeTheSelectedSockets() {
        h.io.in("blue").socketsJoin("green");
        h.io.socketsLeave(List.of("red"));

        assertThat(sockets.get(0).rooms()).containsExactly(sockets.get(0).id());
        assertThat(sockets.get(1).rooms()).containsExactly(sockets.get(1).id(), "blue", "green");
        assertThat(sockets.get(2).rooms()).containsExactly(sockets.get(2).id(), "blue", "green");
    }

    @Test
    void disconnectSocketsDisconnectsTheSelectedSockets() {
        List<String> reasons = new ArrayList<>();
        sockets.forEach(s -> s.onDisconnect((r, d) -> reasons.add(s.id() + " " + r)));

        h.io.in("red").except("blue").disconnectSockets();
        h.io.in("blue").disconnectSockets(true);

        assertThat(a.texts()).containsExactly("1");
        assertThat(a.isOpen()).isTrue();
        assertThat(b.texts()).containsExactly("1");
        assertThat(b.isOpen()).isFalse();
        assertThat(c.isOpen()).isFalse();
        assertThat(reasons)
                .containsExactly(
                        sockets.get(0).id() + " server namespace disconnect",
                        sockets.get(1).id() + " server namespace disconnect",
                        sockets.get(2).id() + " server namespace disconnect");
    }
}
