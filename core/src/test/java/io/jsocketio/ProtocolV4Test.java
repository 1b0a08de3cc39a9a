package io.jsocketio;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.testing.FakeEngineRequest;
import io.jsocketio.testing.FakeEngineSocket;
import io.jsocketio.testing.SioHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Socket.IO protocol v4, spoken by 2.x clients over Engine.IO 3 sessions: implicit {@code /},
 * namespace queries, string ERROR payloads, and broadcasts shared with protocol v5 clients.
 */
class ProtocolV4Test {
    private final SioHarness h = SioHarness.create();

    @AfterEach
    void close() {
        h.close();
    }

    private FakeEngineSocket openV3(String query) {
        return h.open(FakeEngineRequest.get("/socket.io/?EIO=3&transport=polling" + query), 3);
    }

    @Test
    void theMainNamespaceIsJoinedAtOnceWithAnEmptyConnectPacket() {
        List<Socket> sockets = new ArrayList<>();
        h.io.onConnection(sockets::add);
        FakeEngineSocket conn = openV3("");
        assertThat(conn.texts()).containsExactly("0");
        assertThat(sockets)
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.id()).isEqualTo(conn.id());
                            assertThat(s.handshake().auth()).isEmpty();
                        });
    }

    @Test
    void theQueryOfANamespaceIsTheAuthAndAddsToTheHandshakeQuery() {
        List<Socket> sockets = new ArrayList<>();
        h.io.of("/admin", sockets::add);
        FakeEngineSocket conn = openV3("&token=old&other=1");
        conn.receive("0/admin?token=new%20one&x=");
        assertThat(conn.texts()).containsExactly("0", "0/admin,");
        Socket s = sockets.get(0);
        assertThat(s.id()).isEqualTo("/admin#" + conn.id());
        assertThat(s.handshake().auth().getString("token")).isEqualTo("new one");
        // as the 2.x Node server: the request's own values win
        assertThat(s.handshake().query("token")).hasValue("old");
        assertThat(s.handshake().query("other")).hasValue("1");
        assertThat(s.handshake().query("x")).hasValue("");
    }

    @Test
    void aMiddlewareRejectionIsAnErrorPacketWithTheMessageAsAString() {
        h.io.of("/secure").use((socket, next) -> next.fail(new ConnectError("unauthorized")));
        FakeEngineSocket conn = openV3("");
        conn.receive("0/secure");
        assertThat(conn.texts()).containsExactly("0", "4/secure,\"unauthorized\"");
        assertThat(conn.isOpen()).isTrue();
    }

    @Test
    void aMiddlewareRejectionWithDataSendsTheDataAlone() {
        h.io.of("/secure")
                .use(
                        (socket, next) ->
                                next.fail(new ConnectError("unauthorized", Map.of("code", 401))));
        FakeEngineSocket conn = openV3("");
        conn.receive("0/secure,");
        assertThat(conn.texts()).containsExactly("0", "4/secure,{\"code\":401}");
    }

    @Test
    void anUnknownNamespaceIsRefusedWithInvalidNamespace() {
        FakeEngineSocket conn = openV3("");
        conn.receive("0/nope");
        assertThat(conn.texts()).containsExactly("0", "4/nope,\"Invalid namespace\"");
    }

    @Test
    void aBroadcastToAMixedRoomIsEncodedOnceAndSentAlikeToBothProtocols() {
        h.io.onConnection(s -> s.join("room"));
        FakeEngineSocket v5 = h.connected();
        FakeEngineSocket v4 = openV3("");
        v4.clearSent();

        h.io.to("room").emit("news", "hi", new byte[] {1, 2});

        assertThat(v5.sends()).hasSize(1);
        assertThat(v4.sends()).hasSize(1);
        List<EngineMessage> toV5 = v5.sends().get(0);
        List<EngineMessage> toV4 = v4.sends().get(0);
        assertThat(toV4).isSameAs(toV5);
        assertThat(toV4.get(0).text())
                .isEqualTo("51-[\"news\",\"hi\",{\"_placeholder\":true,\"num\":0}]");
        assertThat(toV4.get(1).binary()).containsExactly(1, 2);
    }

    @Test
    void aVolatileBroadcastSkipsASessionThatIsNotWritable() {
        h.io.onConnection(s -> s.join("room"));
        FakeEngineSocket busy = openV3("");
        FakeEngineSocket ready = openV3("");
        busy.clearSent();
        ready.clearSent();
        busy.writable(false);

        h.io.to("room").asVolatile().emit("tick", 1);

        assertThat(busy.texts()).isEmpty();
        assertThat(ready.texts()).containsExactly("2[\"tick\",1]");
    }
}
