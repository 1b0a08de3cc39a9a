package io.jsocketio.redis.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsocketio.redis.internal.ClusterMessages;
import io.jsocketio.redis.internal.Msgpack;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Stream entries and pub/sub messages as npm @socket.io/redis-streams-adapter 0.3.x writes them.
 */
class ClusterMessageTest {

    private static Map<String, Object> broadcastData(Object arg) {
        Map<String, Object> packet = new LinkedHashMap<>();
        packet.put("type", 2);
        packet.put("data", List.of("news", arg));
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("rooms", List.of("r"));
        opts.put("except", List.of());
        opts.put("flags", Map.of());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("packet", packet);
        data.put("opts", opts);
        return data;
    }

    @Test
    void aPlainBroadcastIsAnEntryWithJsonData() {
        // JSON data reads back with the core's number types (JsonValues): 1 is an Integer
        ClusterMessage m =
                new ClusterMessage("abc", "/", ClusterMessages.BROADCAST, broadcastData(1));
        assertThat(m.toEntry())
                .containsExactly(
                        Map.entry("uid", "abc"),
                        Map.entry("nsp", "/"),
                        Map.entry("type", "3"),
                        Map.entry(
                                "data",
                                "{\"packet\":{\"type\":2,\"data\":[\"news\",1]},"
                                        + "\"opts\":{\"rooms\":[\"r\"],\"except\":[],\"flags\":{}}}"));
        assertThat(ClusterMessage.fromEntry(m.toEntry())).isEqualTo(m);
    }

    @Test
    void aBinaryBroadcastIsBase64Msgpack() {
        ClusterMessage m =
                new ClusterMessage(
                        "abc", "/", ClusterMessages.BROADCAST, broadcastData(new byte[] {1, 2, 3}));
        String data = m.toEntry().get("data");
        assertThat(data).doesNotStartWith("{");
        Object decoded = Msgpack.decode(Base64.getDecoder().decode(data));
        assertThat(decoded).isInstanceOf(Map.class);
        ClusterMessage back = ClusterMessage.fromEntry(m.toEntry());
        Object arg = ((List<?>) ((Map<?, ?>) back.get("packet")).get("data")).get(1);
        assertThat((byte[]) arg).containsExactly(1, 2, 3);
    }

    @Test
    void pubSubMessagesRoundTripAsMsgpack() {
        ClusterMessage m =
                new ClusterMessage(
                        "abc",
                        "/chat",
                        ClusterMessages.FETCH_SOCKETS,
                        new LinkedHashMap<>(Map.of("requestId", "r1")));
        ClusterMessage back = ClusterMessage.fromPubSub(m.toPubSub());
        assertThat(back.uid()).isEqualTo("abc");
        assertThat(back.nsp()).isEqualTo("/chat");
        assertThat(back.type()).isEqualTo(ClusterMessages.FETCH_SOCKETS);
        assertThat(back.get("requestId")).isEqualTo("r1");
        assertThat(back.isResponse()).isFalse();
    }

    @Test
    void malformedInputIsRejected() {
        assertThatThrownBy(() -> ClusterMessage.fromEntry(Map.of("nsp", "/")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClusterMessage.fromPubSub(Msgpack.encode(List.of(1L))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOffsetAfterAnEntryIdIsTheNextSequence() {
        assertThat(SessionStore.nextOffset("1700000000000-0")).isEqualTo("1700000000000-1");
        assertThat(SessionStore.nextOffset("5-41")).isEqualTo("5-42");
    }
}
