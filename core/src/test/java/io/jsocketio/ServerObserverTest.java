package io.jsocketio;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.EngineSocket;
import io.jsocketio.testing.FakeEngineSocket;
import io.jsocketio.testing.SioHarness;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a {@link ServerObserver} is told, and when. */
class ServerObserverTest {
    private final SioHarness h = SioHarness.create();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    ServerObserverTest() {
        h.io.observe(
                new ServerObserver() {
                    @Override
                    public void onConnection(EngineSocket conn) {
                        seen.add("connection " + conn.id());
                    }

                    @Override
                    public void onMessagesOut(EngineSocket conn, List<EngineMessage> messages) {
                        seen.add(
                                "out "
                                        + conn.id()
                                        + " "
                                        + messages.stream()
                                                .map(m -> m.isBinary() ? "<bin>" : m.text())
                                                .toList());
                    }

                    @Override
                    public void onSocketConnect(Socket socket) {
                        seen.add("socket " + socket.nsp().name());
                    }

                    @Override
                    public void onConnectError(EngineSocket conn, String namespace, String msg) {
                        seen.add("connect_error " + namespace + " " + msg);
                    }

                    @Override
                    public void onAck(Socket socket, Duration latency) {
                        seen.add("ack " + latency.isNegative());
                    }

                    @Override
                    public void onAckTimeout(Socket socket, Duration timeout) {
                        seen.add("ack timeout " + timeout.toMillis());
                    }
                });
        h.io.onConnection(
                s -> {
                    seen.add("listener");
                    sockets.add(s);
                });
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void seesTheSessionTheConnectReplyAndTheSocketBeforeTheConnectionListeners() {
        FakeEngineSocket conn = h.open();
        conn.receive("0");

        assertThat(seen).hasSize(4);
        assertThat(seen.get(0)).isEqualTo("connection " + conn.id());
        assertThat(seen.get(1)).startsWith("out " + conn.id() + " [0{\"sid\":");
        assertThat(seen.subList(2, 4)).containsExactly("socket /", "listener");
    }

    @Test
    void seesEachRecipientOfAPacketWithItsAttachments() {
        FakeEngineSocket a = h.connected();
        FakeEngineSocket b = h.connected();
        seen.clear();

        h.io.emit("pic", "x", new byte[] {1, 2});

        assertThat(seen)
                .containsExactlyInAnyOrder(
                        "out "
                                + a.id()
                                + " [51-[\"pic\",\"x\",{\"_placeholder\":true,\"num\":0}], <bin>]",
                        "out "
                                + b.id()
                                + " [51-[\"pic\",\"x\",{\"_placeholder\":true,\"num\":0}], <bin>]");
    }

    @Test
    void aDroppedVolatilePacketIsNotSeen() {
        FakeEngineSocket conn = h.connected();
        conn.writable(false);
        seen.clear();

        sockets.get(0).asVolatile().emit("tick");

        assertThat(seen).isEmpty();
    }

    @Test
    void seesARefusalByAMiddlewareAndAnUnknownNamespace() {
        h.io.of("/private").use((s, next) -> next.fail(new ConnectError("not allowed")));
        FakeEngineSocket conn = h.connected();
        seen.clear();

        conn.receive("0/private,");
        conn.receive("0/nowhere,");

        assertThat(seen)
                .contains(
                        "connect_error /private not allowed",
                        "connect_error /nowhere Invalid namespace");
    }

    @Test
    void seesAnAcknowledgementAndATimeout() {
        FakeEngineSocket conn = h.connected();
        sockets.get(0).emit("q", (error, args) -> seen.add("callback"));
        String sent = conn.lastText();
        sockets.get(0)
                .timeout(Duration.ofSeconds(2))
                .emit(
                        "late",
                        (error, args) -> seen.add("callback " + error.getClass().getSimpleName()));
        seen.clear();

        conn.receive("3" + sent.substring(1, sent.indexOf('[')) + "[]");
        h.advance(Duration.ofSeconds(2));

        assertThat(seen)
                .containsExactly(
                        "ack false",
                        "callback",
                        "ack timeout 2000",
                        "callback AckTimeoutException");
    }

    @Test
    void countsBytesAsNodeDoes() {
        assertThat(ServerObserver.byteLength(EngineMessage.text("2[\"é€😀\"]")))
                .isEqualTo(5 + 2 + 3 + 4);
        assertThat(ServerObserver.byteLength(EngineMessage.binary(new byte[7]))).isEqualTo(7);
    }

    @Test
    void listsTheNamespaces() {
        h.io.of("/orders");

        assertThat(h.io.namespaces())
                .extracting(Namespace::name)
                .containsExactlyInAnyOrder("/", "/orders");
    }
}
