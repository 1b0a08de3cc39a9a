package io.jsocketio;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.testing.FakeEngineSocket;
import io.jsocketio.testing.SioHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A binary packet waits for its attachments at most the engine's {@code pingInterval + pingTimeout}
 * (45 s by default): then the connection closes with {@code parse error}, and what was buffered is
 * freed.
 */
class AttachmentTimeoutTest {
    private static final String EVENT = "51-[\"upload\",{\"_placeholder\":true,\"num\":0}]";
    private final SioHarness h = SioHarness.create();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aBinaryEventWhoseAttachmentNeverComesClosesTheConnectionWithParseError() {
        List<String> reasons = new ArrayList<>();
        h.io.onConnection(s -> s.onDisconnect((reason, d) -> reasons.add(reason.wire())));
        FakeEngineSocket conn = h.connected();

        conn.receive(EVENT);
        h.advance(Duration.ofSeconds(44));
        assertThat(conn.isOpen()).isTrue();
        h.advance(Duration.ofSeconds(1));

        assertThat(conn.isOpen()).isFalse();
        assertThat(reasons).containsExactly("parse error");
    }

    @Test
    void attachmentsThatArriveInTimeStopTheClock() {
        List<Integer> sizes = new ArrayList<>();
        h.io.onConnection(s -> s.on("upload", (args, ack) -> sizes.add(args.binary(0).length)));
        FakeEngineSocket conn = h.connected();
        int pendingBefore = h.scheduler.pendingCount();

        conn.receive(EVENT);
        h.advance(Duration.ofSeconds(30));
        conn.receive(new byte[] {1, 2, 3});
        h.advance(Duration.ofSeconds(30));

        assertThat(sizes).containsExactly(3);
        assertThat(conn.isOpen()).isTrue();
        assertThat(h.scheduler.pendingCount()).isLessThanOrEqualTo(pendingBefore);
    }

    @Test
    void eachBinaryPacketGetsItsOwnTime() {
        List<Integer> sizes = new ArrayList<>();
        h.io.onConnection(s -> s.on("upload", (args, ack) -> sizes.add(args.binary(0).length)));
        FakeEngineSocket conn = h.connected();

        conn.receive(EVENT);
        h.advance(Duration.ofSeconds(40));
        conn.receive(new byte[] {1});
        conn.receive(EVENT);
        h.advance(Duration.ofSeconds(40));
        conn.receive(new byte[] {1, 2});

        assertThat(sizes).containsExactly(1, 2);
        assertThat(conn.isOpen()).isTrue();
    }
}
