package io.jsocketio.websocket.internal;

import static io.jsocketio.servlet.testing.Proxies.proxy;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.WebSocketFrame;
import io.jsocketio.servlet.internal.RequestSnapshot;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionPeerTest {
    /** Sends the container accepted, in order; the handlers of those still in flight. */
    private final List<String> wire = new ArrayList<>();

    private final Deque<SendHandler> inFlight = new ArrayDeque<>();
    private boolean completeInline;
    private int overlapping;
    private long sendTimeout = -1;
    private CloseReason closedWith;
    private boolean open = true;

    private final RemoteEndpoint.Async remote =
            proxy(
                    RemoteEndpoint.Async.class,
                    (name, args) -> {
                        switch (name) {
                            case "setSendTimeout" -> sendTimeout = (Long) args[0];
                            case "sendText", "sendBinary" -> {
                                if (!inFlight.isEmpty()) {
                                    overlapping++;
                                    throw new IllegalStateException("TEXT_FULL_WRITING");
                                }
                                wire.add(
                                        args[0] instanceof String s
                                                ? s
                                                : "binary:" + ((ByteBuffer) args[0]).remaining());
                                SendHandler handler = (SendHandler) args[1];
                                if (completeInline) {
                                    handler.onResult(new SendResult());
                                } else {
                                    inFlight.add(handler);
                                }
                            }
                            default -> throw new UnsupportedOperationException(name);
                        }
                        return null;
                    });

    private final Session session =
            proxy(
                    Session.class,
                    (name, args) ->
                            switch (name) {
                                case "getAsyncRemote" -> remote;
                                case "isOpen" -> open;
                                case "close" -> {
                                    closedWith = (CloseReason) args[0];
                                    wire.add("close:" + closedWith.getCloseCode().getCode());
                                    open = false;
                                    yield null;
                                }
                                default -> throw new UnsupportedOperationException(name);
                            });

    private final List<String> completions = new ArrayList<>();

    private SessionPeer peer() {
        return new SessionPeer(
                session,
                RequestSnapshot.of("GET", "/", "", Map.of(), new InetSocketAddress(0), false),
                5000);
    }

    private void completeNext() {
        inFlight.poll().onResult(new SendResult());
    }

    @Test
    void setsTheSendTimeout() {
        peer();
        assertThat(sendTimeout).isEqualTo(5000);
    }

    private static List<WebSocketFrame> texts(String... texts) {
        return java.util.Arrays.stream(texts).map(WebSocketFrame::text).toList();
    }

    @Test
    void writesABatchFrameByFrameTheNextFromTheCallback() {
        SessionPeer peer = peer();

        peer.send(
                List.of(
                        WebSocketFrame.text("a"),
                        WebSocketFrame.binary(new byte[3]),
                        WebSocketFrame.text("c")),
                e -> completions.add("batch " + e));
        assertThat(wire).containsExactly("a");

        completeNext();
        assertThat(wire).containsExactly("a", "binary:3");
        completeNext();
        assertThat(completions).isEmpty();
        completeNext();

        assertThat(wire).containsExactly("a", "binary:3", "c");
        assertThat(completions).containsExactly("batch null");
        assertThat(overlapping).isZero();
    }

    @Test
    void refusesASecondBatchWhileOneIsInFlight() {
        SessionPeer peer = peer();
        peer.send(texts("a"), e -> completions.add("a " + e));

        peer.send(texts("b"), e -> completions.add("b " + (e == null ? "ok" : "refused")));

        assertThat(wire).containsExactly("a");
        assertThat(completions).containsExactly("b refused");
    }

    @Test
    void writesSendsCompletedOnTheCallingThreadWithoutRecursion() {
        completeInline = true;
        SessionPeer peer = peer();
        int count = 100_000;
        String[] frames = new String[count];
        java.util.Arrays.fill(frames, "m");

        peer.send(texts(frames), e -> completions.add("done " + e));

        assertThat(wire).hasSize(count);
        assertThat(completions).containsExactly("done null");
    }

    @Test
    void closesOnlyAfterTheBatchInFlight() {
        SessionPeer peer = peer();
        peer.send(texts("4last", "1"), e -> completions.add("batch " + e));

        peer.close(1000, "");
        assertThat(closedWith).isNull();
        completeNext();
        completeNext();

        assertThat(wire).containsExactly("4last", "1", "close:1000");
        assertThat(completions).containsExactly("batch null");
    }

    @Test
    void refusesSendsAfterClose() {
        SessionPeer peer = peer();
        peer.close(1000, "");

        peer.send(texts("4late"), e -> completions.add(String.valueOf(e)));

        assertThat(wire).containsExactly("close:1000");
        assertThat(completions).singleElement().asString().contains("closed");
    }

    @Test
    void closesOnce() {
        SessionPeer peer = peer();

        peer.close(1000, "");
        peer.close(1011, "again");

        assertThat(wire).containsExactly("close:1000");
    }

    @Test
    void failsTheRestOfABatchWhenTheContainerReportsTheEnd() {
        SessionPeer peer = peer();
        peer.send(texts("a", "b"), e -> completions.add(e == null ? "ok" : "failed"));

        peer.terminated();
        inFlight.poll().onResult(new SendResult(new IOException("reset")));

        assertThat(wire).containsExactly("a");
        assertThat(completions).containsExactly("failed");
    }

    @Test
    void reportsAContainerThatRefusesASendAsAFailedBatch() {
        SessionPeer peer = peer();
        open = false;
        SessionPeer broken =
                new SessionPeer(
                        proxy(
                                Session.class,
                                (name, args) ->
                                        switch (name) {
                                            case "getAsyncRemote" ->
                                                    proxy(
                                                            RemoteEndpoint.Async.class,
                                                            (n, a) -> {
                                                                throw new IllegalStateException(
                                                                        "closed");
                                                            });
                                            default -> null;
                                        }),
                        peer.request(),
                        0);

        broken.send(texts("a", "b"), e -> completions.add("batch " + e.getMessage()));

        assertThat(completions).containsExactly("batch closed");
    }

    @Test
    void shortensCloseReasonsToWhatAFrameHolds() {
        CloseReason reason = SessionPeer.closeReason(1000, "é".repeat(100));

        assertThat(reason.getReasonPhrase().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .hasSizeLessThanOrEqualTo(123);
        assertThat(SessionPeer.closeReason(1009, "too big").getCloseCode().getCode())
                .isEqualTo(1009);
        assertThat(SessionPeer.closeReason(42, "").getCloseCode().getCode()).isEqualTo(1000);
    }
}
