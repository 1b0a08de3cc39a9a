package io.jsocketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsocketio.testing.FakeEngineSocket;
import io.jsocketio.testing.SioHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Acknowledgements the server asks for: one socket, and every socket of a broadcast. */
class AckTest {
    private final SioHarness h = SioHarness.create();
    private final List<Socket> sockets = new ArrayList<>();

    AckTest() {
        h.io.onConnection(sockets::add);
    }

    @AfterEach
    void close() {
        h.close();
    }

    /** The ack id in an EVENT such as {@code 212["q"]}. */
    private static String ackId(String event) {
        return event.substring(1, event.indexOf('['));
    }

    @Test
    void deliversTheClientsAcknowledgementToTheCallback() {
        FakeEngineSocket conn = h.connected();
        List<String> got = new ArrayList<>();

        sockets.get(0).emit("question", (error, args) -> got.add(error + " " + args.toList()), "x");
        String sent = conn.lastText();
        assertThat(sent).matches("2\\d+\\[\"question\",\"x\"\\]");
        conn.receive("3" + ackId(sent) + "[\"answer\",42]");

        assertThat(got).containsExactly("null [answer, 42]");
    }

    @Test
    void emitWithAckCompletesWithTheArguments() throws Exception {
        FakeEngineSocket conn = h.connected();

        CompletableFuture<Args> f = sockets.get(0).emitWithAck("q").toCompletableFuture();
        assertThat(f).isNotDone();
        conn.receive("3" + ackId(conn.lastText()) + "[1]");

        assertThat(f.get(1, TimeUnit.SECONDS).get(0, Integer.class)).isEqualTo(1);
    }

    @Test
    void timesOutWhenNoAcknowledgementCameInTime() {
        FakeEngineSocket conn = h.connected();
        List<Object> got = new ArrayList<>();

        sockets.get(0)
                .timeout(Duration.ofSeconds(2))
                .emit("q", (error, args) -> got.add(error != null ? error : args));
        String id = ackId(conn.lastText());
        h.advance(Duration.ofMillis(1999));
        assertThat(got).isEmpty();
        h.advance(Duration.ofMillis(1));

        assertThat(got).singleElement().isInstanceOf(AckTimeoutException.class);
        assertThat(((AckTimeoutException) got.get(0))).hasMessage("operation has timed out");
        conn.receive("3" + id + "[\"late\"]");
        assertThat(got).hasSize(1);
    }

    @Test
    void anAcknowledgementInTimeCancelsTheTimeout() {
        FakeEngineSocket conn = h.connected();
        List<Object> got = new ArrayList<>();

        sockets.get(0)
                .timeout(Duration.ofSeconds(2))
                .emit("q", (error, args) -> got.add(error == null));
        conn.receive("3" + ackId(conn.lastText()) + "[]");
        h.advance(Duration.ofSeconds(5));

        assertThat(got).containsExactly(true);
        assertThat(h.scheduler.pendingCount()).isZero();
    }

    @Test
    void emitWithAckFailsWithAckTimeoutException() {
        h.connected();

        CompletableFuture<Args> f =
                sockets.get(0)
                        .timeout(Duration.ofMillis(100))
                        .emitWithAck("q")
                        .toCompletableFuture();
        h.advance(Duration.ofMillis(100));

        assertThatThrownBy(f::get)
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(AckTimeoutException.class);
    }

    @Test
    void timeoutReturnsANewEmitterAndLeavesTheSocketUnchanged() {
        FakeEngineSocket conn = h.connected();
        List<Object> got = new ArrayList<>();
        SocketEmitter withTimeout = sockets.get(0).timeout(Duration.ofSeconds(1));

        sockets.get(0).emit("q", (error, args) -> got.add("plain " + error));
        h.advance(Duration.ofSeconds(5));

        assertThat(got).isEmpty();
        assertThat(withTimeout).isNotSameAs(sockets.get(0));
        assertThat(conn.texts()).hasSize(1);
    }

    @Test
    void ignoresAnAcknowledgementWithAnUnknownId() {
        FakeEngineSocket conn = h.connected();

        conn.receive("3999[]");

        assertThat(conn.isOpen()).isTrue();
    }

    @Test
    void collectsOneAcknowledgementPerRecipientOfABroadcast() {
        FakeEngineSocket a = h.connected();
        FakeEngineSocket b = h.connected();
        AtomicReference<List<Args>> responses = new AtomicReference<>();
        List<Exception> errors = new ArrayList<>();

        h.io.timeout(Duration.ofSeconds(1))
                .emit(
                        "poll",
                        (error, list) -> {
                            if (error != null) {
                                errors.add(error);
                            }
                            responses.set(list);
                        });
        String id = ackId(a.lastText());
        assertThat(b.lastText()).isEqualTo(a.lastText());
        a.receive("3" + id + "[\"a\"]");
        assertThat(responses.get()).isNull();
        b.receive("3" + id + "[\"b\"]");

        assertThat(errors).isEmpty();
        assertThat(responses.get()).extracting(r -> r.getString(0)).containsExactly("a", "b");
    }

    @Test
    void aBroadcastTimeoutReportsTheAcknowledgementsReceived() throws Exception {
        FakeEngineSocket a = h.connected();
        h.connected();

        CompletableFuture<List<Args>> f =
                h.io.timeout(Duration.ofSeconds(1)).emitWithAck("poll").toCompletableFuture();
        a.receive("3" + ackId(a.lastText()) + "[\"a\"]");
        h.advance(Duration.ofSeconds(1));

        assertThatThrownBy(f::get).hasCauseInstanceOf(AckTimeoutException.class);
        AckTimeoutException e = (AckTimeoutException) f.handle((v, t) -> t).get();
        assertThat(e.responses()).extracting(r -> r.getString(0)).containsExactly("a");
    }

    @Test
    void aBroadcastWithAcknowledgementsToNobodyCompletesAtOnce() throws Exception {
        h.connected();

        CompletableFuture<List<Args>> f =
                h.io.to("empty-room")
                        .timeout(Duration.ofSeconds(1))
                        .emitWithAck("poll")
                        .toCompletableFuture();

        assertThat(f.get(1, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void aBroadcastWithAcknowledgementsNeedsATimeout() {
        h.connected();

        assertThatThrownBy(() -> h.io.emitWithAck("poll"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRemoteSocketFromFetchSocketsAcknowledgesLikeASocket() throws Exception {
        FakeEngineSocket conn = h.connected();

        List<RemoteSocket> found = h.io.fetchSockets().toCompletableFuture().get();
        CompletableFuture<Args> f =
                found.get(0).timeout(Duration.ofSeconds(1)).emitWithAck("q").toCompletableFuture();
        conn.receive("3" + ackId(conn.lastText()) + "[7]");

        assertThat(f.get().get(0, Integer.class)).isEqualTo(7);
    }
}
