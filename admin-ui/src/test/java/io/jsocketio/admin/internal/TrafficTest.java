package io.jsocketio.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.CloseReason;
import io.jsocketio.engine.EngineMessage;
import io.jsocketio.testing.FakeEngineSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The aggregated events, counted as Node's admin-ui counts the engine's events. */
class TrafficTest {
    private static final long SECOND = 1_700_000_123_000L;
    private final EventBuffer buffer =
            new EventBuffer(Clock.fixed(Instant.ofEpochMilli(SECOND + 456), ZoneOffset.UTC));
    private final AtomicInteger started = new AtomicInteger();
    private final Traffic traffic = new Traffic(buffer, started::incrementAndGet);

    @Test
    void countsSessionsMessagesAndUtf8BytesPerSecond() {
        FakeEngineSocket conn = new FakeEngineSocket("sid-1");
        traffic.onConnection(conn);
        conn.receive("2[\"hé\"]"); // 8 bytes in UTF-8
        conn.receive(new byte[] {1, 2, 3});
        traffic.onMessagesOut(
                conn,
                List.of(
                        EngineMessage.text("51-[\"pic\",{\"_placeholder\":true,\"num\":0}]"),
                        EngineMessage.binary(new byte[10])));
        conn.end(CloseReason.TRANSPORT_CLOSE, null);

        assertThat(buffer.drain())
                .containsExactly(
                        event("rawConnection", null, 1),
                        event("packetsIn", null, 2),
                        event("bytesIn", null, 8 + 3),
                        event("packetsOut", null, 2),
                        event("bytesOut", null, 40 + 10),
                        event("rawDisconnection", "transport close", 1));
        assertThat(started).hasValue(1);
        assertThat(buffer.drain()).isEmpty();
    }

    private static Map<String, Object> event(String type, String subType, long count) {
        return subType == null
                ? Map.of("timestamp", SECOND, "type", type, "count", count)
                : Map.of("timestamp", SECOND, "type", type, "subType", subType, "count", count);
    }
}
