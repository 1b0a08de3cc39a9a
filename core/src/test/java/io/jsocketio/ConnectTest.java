package io.jsocketio;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.testing.FakeEngineRequest;
import io.jsocketio.testing.FakeEngineSocket;
import io.jsocketio.testing.SioHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Joining namespaces: CONNECT, its reply, auth, unknown namespaces, the connect timeout. */
class ConnectTest {
    private final SioHarness h = SioHarness.create(b -> b.connectTimeout(Duration.ofMillis(1000)));

    ConnectTest() {
        h.io.onConnection(socket -> socket.emit("auth", socket.handshake().auth()));
        h.io.of("/custom", socket -> socket.emit("auth", socket.handshake().auth()));
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void sendsNothingBeforeTheClientsConnect() {
        List<Socket> connected = new ArrayList<>();
        h.io.onConnection(connected::add);

        FakeEngineSocket conn = h.open();

        assertThat(conn.messages()).isEmpty();
        assertThat(connected).isEmpty();
    }

    @Test
    void answersConnectWithASocketIdThatIsNotTheEngineSid() {
        FakeEngineSocket conn = h.open();

        conn.receive("0");

        String reply = conn.texts().get(0);
        assertThat(reply).matches("0\\{\"sid\":\"[A-Za-z0-9_-]{20}\"\\}");
        assertThat(SioHarness.sidOf(reply)).isNotEqualTo(conn.id());
    }

    @Test
    void sendsTheReplyBeforeTheConnectionListenerRuns() {
        FakeEngineSocket conn = h.open();

        conn.receive("0");

        assertThat(conn.texts()).hasSize(2);
        assertThat(conn.texts().get(1)).isEqualTo("2[\"auth\",{}]");
    }

    @Test
    void passesTheConnectPayloadAsAuth() {
        FakeEngineSocket conn = h.open();

        conn.receive("0{\"token\":\"123\"}");

        assertThat(conn.texts().get(1)).isEqualTo("2[\"auth\",{\"token\":\"123\"}]");
    }

    @Test
    void connectsToAnotherNamespaceWithOrWithoutTheTrailingComma() {
        FakeEngineSocket a = h.open();
        FakeEngineSocket b = h.open();

        a.receive("0/custom,");
        b.receive("0/custom,{\"token\":\"abc\"}");

        assertThat(a.texts().get(0)).matches("0/custom,\\{\"sid\":\"[A-Za-z0-9_-]{20}\"\\}");
        assertThat(a.texts().get(1)).isEqualTo("2/custom,[\"auth\",{}]");
        assertThat(b.texts().get(1)).isEqualTo("2/custom,[\"auth\",{\"token\":\"abc\"}]");

        FakeEngineSocket c = h.open();
        c.receive("0/custom");
        assertThat(c.texts().get(0)).startsWith("0/custom,{\"sid\":");
    }

    @Test
    void holdsSeveralNamespacesOnOneSessionWithDistinctSocketIds() {
        FakeEngineSocket conn = h.open();

        conn.receive("0");
        conn.receive("0/custom,");

        List<String> replies = conn.texts().stream().filter(t -> t.startsWith("0")).toList();
        assertThat(replies).hasSize(2);
        assertThat(SioHarness.sidOf(replies.get(0))).isNotEqualTo(SioHarness.sidOf(replies.get(1)));
        assertThat(h.io.sockets().sockets()).hasSize(1);
        assertThat(h.io.of("/custom").sockets()).hasSize(1);
    }

    @Test
    void refusesAnUnknownNamespaceAndKeepsTheSession() {
        FakeEngineSocket conn = h.open();

        conn.receive("0/random");

        assertThat(conn.texts()).containsExactly("4/random,{\"message\":\"Invalid namespace\"}");
        assertThat(conn.isOpen()).isTrue();
        conn.receive("0");
        assertThat(conn.texts().get(1)).startsWith("0{\"sid\":");
    }

    @Test
    void closesASessionThatJoinsNoNamespaceWithinTheConnectTimeout() {
        FakeEngineSocket conn = h.open();

        h.advance(Duration.ofMillis(999));
        assertThat(conn.isOpen()).isTrue();
        h.advance(Duration.ofMillis(1));

        assertThat(conn.isOpen()).isFalse();
        assertThat(conn.closeCalls()).isEqualTo(1);
    }

    @Test
    void keepsASessionThatJoinedANamespaceBeforeTheConnectTimeout() {
        FakeEngineSocket conn = h.open();
        conn.receive("0");

        h.advance(Duration.ofSeconds(10));

        assertThat(conn.isOpen()).isTrue();
        assertThat(h.scheduler.pendingCount()).isZero();
    }

    @Test
    void theDefaultConnectTimeoutIsFortyFiveSeconds() {
        try (SioHarness defaults = SioHarness.create()) {
            FakeEngineSocket conn = defaults.open();
            defaults.advance(Duration.ofSeconds(44));
            assertThat(conn.isOpen()).isTrue();
            defaults.advance(Duration.ofSeconds(1));
            assertThat(conn.isOpen()).isFalse();
        }
    }

    @Test
    void exposesTheHandshake() {
        AtomicReference<Handshake> handshake = new AtomicReference<>();
        h.io.onConnection(s -> handshake.set(s.handshake()));
        FakeEngineSocket conn =
                h.open(
                        FakeEngineRequest.get("/socket.io/?EIO=4&transport=polling&room=42")
                                .header("Origin", "https://a.example")
                                .header("X-Custom", "yes"),
                        4);

        conn.receive("0{\"token\":\"t\"}");

        Handshake hs = handshake.get();
        assertThat(hs.headers()).containsKeys("origin", "x-custom");
        assertThat(hs.header("X-Custom")).contains("yes");
        assertThat(hs.address()).isEqualTo("127.0.0.1");
        assertThat(hs.xdomain()).isTrue();
        assertThat(hs.secure()).isFalse();
        assertThat(hs.url()).isEqualTo("/socket.io/?EIO=4&transport=polling&room=42");
        assertThat(hs.query("room")).contains("42");
        assertThat(hs.auth().getString("token")).isEqualTo("t");
        assertThat(hs.auth(Token.class)).isEqualTo(new Token("t"));
        // absent names read as empty values, as JavaScript's undefined does, never throw
        assertThat(hs.auth().getString("missing")).isEmpty();
        assertThat(hs.auth().getInt("missing")).isZero();
        assertThat(hs.auth().getBoolean("missing")).isFalse();
        assertThat(hs.auth().isNull("missing")).isTrue();
        assertThat(hs.auth().getJsonObject("missing")).isNull();
        assertThat(hs.auth().toString()).isEqualTo("{\"token\":\"t\"}");
        assertThat(hs.query("missing")).isEmpty();
        assertThat(hs.header("missing")).isEmpty();
        assertThat(hs.issued()).isPositive();
        assertThat(hs.time())
                .matches("\\w{3} \\w{3} \\d{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT[+-]\\d{4} \\(.+\\)");
    }

    public record Token(String token) {}

    @Test
    void aSecondConnectToAJoinedNamespaceClosesTheSession() {
        FakeEngineSocket conn = h.open();
        conn.receive("0");

        conn.receive("0");

        assertThat(conn.isOpen()).isFalse();
    }

    @Test
    void aConnectWhosePayloadIsNotAnObjectClosesTheSession() {
        FakeEngineSocket conn = h.open();

        conn.receive("0\"token\"");

        assertThat(conn.isOpen()).isFalse();
        assertThat(conn.messages()).isEmpty();
    }

    @Test
    void aPacketForANamespaceNotJoinedClosesTheSession() {
        FakeEngineSocket conn = h.open();
        conn.receive("0");

        conn.receive("2/custom,[\"hello\"]");

        assertThat(conn.isOpen()).isFalse();
    }

    @Test
    void anEngineIoV3ClientJoinsTheMainNamespaceImplicitly() {
        List<Socket> sockets = new ArrayList<>();
        h.io.onConnection(sockets::add);

        FakeEngineSocket conn =
                h.open(FakeEngineRequest.get("/socket.io/?EIO=3&transport=polling"), 3);

        assertThat(conn.texts().get(0)).isEqualTo("0");
        assertThat(sockets).singleElement().satisfies(s -> assertThat(s.id()).isEqualTo(conn.id()));
        conn.receive("0/custom?token=abc");
        assertThat(conn.texts()).contains("0/custom,", "2/custom,[\"auth\",{\"token\":\"abc\"}]");
        assertThat(h.io.of("/custom").sockets()).containsKey("/custom#" + conn.id());
    }
}
