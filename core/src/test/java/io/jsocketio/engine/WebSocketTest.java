package io.jsocketio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.testing.EngineHarness;
import io.jsocketio.engine.testing.FakeWebSocketPeer;
import io.jsocketio.engine.testing.FakeWebSocketPeer.Frame;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CONFORMANCE.md section 2, "Messages" and "Close" over WebSocket, and the send discipline. */
class WebSocketTest {

    private static List<String> closes(EngineSocket socket) {
        List<String> reasons = new ArrayList<>();
        socket.onClose((reason, description) -> reasons.add(reason.wire()));
        return reasons;
    }

    @Test
    void aTextFrameIsEchoedAsATextFrame() {
        try (EngineHarness h = EngineHarness.echo(b -> b)) {
            FakeWebSocketPeer ws = h.webSocket("EIO=4&transport=websocket");
            ws.receive("4hello");
            assertThat(ws.frames()).hasSize(2).last().isEqualTo(new Frame("4hello", null));
        }
    }

    @Test
    void aBinaryFrameIsEchoedAsTheSameBytesWithoutPrefix() {
        try (EngineHarness h = EngineHarness.echo(b -> b)) {
            FakeWebSocketPeer ws = h.webSocket("EIO=4&transport=websocket");
            ws.receive(new byte[] {1, 2, 3, 4});
            assertThat(ws.frames()).last().isEqualTo(new Frame(null, new byte[] {1, 2, 3, 4}));
        }
    }

    @Test
    void anInvalidPacketClosesTheWebSocket() {
        try (EngineHarness h = EngineHarness.echo(b -> b)) {
            FakeWebSocketPeer ws = h.webSocket("EIO=4&transport=websocket");
            List<String> reasons = closes(h.connections.get(0));
            ws.receive("abc");
            assertThat(ws.isClosed()).isTrue();
            assertThat(reasons).containsExactly("parse error");
            assertThat(h.engine.clientsCount()).isZero();
        }
    }

    @Test
    void theClientsClosePacketClosesTheWebSocket() {
        try (EngineHarness h = EngineHarness.echo(b -> b)) {
            FakeWebSocketPeer ws = h.webSocket("EIO=4&transport=websocket");
            List<String> reasons = closes(h.connections.get(0));
            ws.receive("1");
            assertThat(ws.isClosed()).isTrue();
            assertThat(reasons).containsExactly("transport close");
        }
    }

    @Test
    void aWebSocketClosedByTheClientEndsTheSessionWithTransportClose() {
        try (EngineHarness h = EngineHarness.echo(b -> b)) {
            FakeWebSocketPeer ws = h.webSocket("EIO=4&transport=websocket");
            List<String> reasons = closes(h.connections.get(0));
            ws.clientClose(1001);
            assertThat(reasons).containsExactly("transport close");
            assertThat(ws.closeCalls()).isZero();
            assertThat(h.engine.clientsCount()).isZero();
            assertThat(h.scheduler.pendingCount()).isZero();
        }
    }

    @Test
    void aMessageOverMaxHttpBufferSizeClosesWith1009() {
        try (EngineHarness h = EngineHarness.echo(b -> b.maxHttpBufferSize(8))) {
            FakeWebSocketPeer ws = h.webSocket("EIO=4&transport=websocket");
            List<String> reasons = closes(h.connections.get(0));
            ws.receive("41234567"); // 8 bytes: fine
            assertThat(ws.isClosed()).isFalse();
            ws.receive("4\u00e9\u00e9\u00e9\u00e9"); // 9 bytes in UTF-8
            assertThat(ws.closeCode()).isEqualTo(1009);
            assertThat(reasons).containsExactly("transport error");
        }
        try (EngineHarness h = EngineHarness.echo(b -> b.maxHttpBufferSize(8))) {
            FakeWebSocketPeer ws = h.webSocket("EIO=4&transport=websocket");
            ws.receive(new byte[9]);
            assertThat(ws.closeCode()).isEqualTo(1009);
        }
    }

    @Test
    void atMostOneSendIsInFlightAndQueuedPacketsFollowInOrder() {
        try (EngineHarness h = EngineHarness.create()) {
            FakeWebSocketPeer ws =
                    FakeWebSocketPeer.to(h.url("EIO=4&transport=websocket"))
                            .holdSends()
                            .open(h.engine);
            EngineSocket socket = h.connections.get(0);
            socket.send(EngineMessage.text("a"));
            socket.send(List.of(EngineMessage.binary(new byte[] {7}), EngineMessage.text("b")));
            assertThat(ws.frames()).hasSize(1); // the open packet, still in flight

            while (ws.completeSend()) {
                // each completion starts the next send
            }

            assertThat(ws.texts()).hasSize(4);
            assertThat(ws.texts().subList(1, 4)).containsExactly("4a", "bin:[7]", "4b");
            assertThat(ws.overlappingSends()).isZero();
        }
    }

    @Test
    void aFailedSendIsATransportError() {
        try (EngineHarness h = EngineHarness.create()) {
            FakeWebSocketPeer ws =
                    FakeWebSocketPeer.to(h.url("EIO=4&transport=websocket"))
                            .holdSends()
                            .open(h.engine);
            List<String> reasons = closes(h.connections.get(0));
            ws.failSend(new IOException("broken pipe"));
            assertThat(reasons).containsExactly("transport error");
            assertThat(ws.isClosed()).isTrue();
        }
    }

    @Test
    void aContainerErrorIsATransportError() {
        try (EngineHarness h = EngineHarness.create()) {
            FakeWebSocketPeer ws = h.webSocket("EIO=4&transport=websocket");
            List<String> reasons = closes(h.connections.get(0));
            ws.handler().onError(new IOException("reset"));
            assertThat(reasons).containsExactly("transport error");
            assertThat(ws.isClosed()).isTrue();
        }
    }
}
