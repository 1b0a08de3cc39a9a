package io.jsocketio.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cluster-adapter messages, as {@code socket.io-adapter} 2.5 and the sharded adapter write
 * them.
 */
class ClusterMessagesTest {

    @Test
    void aMessageWithoutBinaryIsJsonText() {
        byte[] encoded =
                ClusterMessages.encode(
                        "0123456789abcdef",
                        "/",
                        ClusterMessages.SOCKETS_JOIN,
                        Requests.json(
                                "opts",
                                Requests.json("rooms", List.of("r"), "except", List.of()),
                                "rooms",
                                List.of("joined")));

        assertThat(new String(encoded, StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"uid\":\"0123456789abcdef\",\"nsp\":\"/\",\"type\":4,"
                                + "\"data\":{\"opts\":{\"rooms\":[\"r\"],\"except\":[]},"
                                + "\"rooms\":[\"joined\"]}}");
    }

    @Test
    void aBroadcastCarryingBinaryIsMessagePackAndReadsBack() {
        Map<String, Object> packet =
                Requests.json("type", 2L, "data", List.of("e", new byte[] {1, 2, 3}), "nsp", "/");
        byte[] encoded =
                ClusterMessages.encode(
                        "u", "/", ClusterMessages.BROADCAST, Requests.json("packet", packet));

        assertThat(encoded[0]).isNotEqualTo((byte) '{');
        Map<String, Object> decoded = Values.parseMessage(encoded);
        assertThat(decoded).containsEntry("uid", "u").containsEntry("type", 3L);
        Map<String, Object> data = ClusterMessages.data(decoded);
        Object bytes = ((List<?>) ((Map<?, ?>) data.get("packet")).get("data")).get(1);
        assertThat(bytes).isEqualTo(new byte[] {1, 2, 3});
    }

    @Test
    void binaryInATypeThatNeverCarriesItStaysJson() {
        byte[] encoded =
                ClusterMessages.encode(
                        "u", "/", ClusterMessages.SOCKETS_JOIN, Requests.json("x", new byte[] {1}));

        assertThat(encoded[0]).isEqualTo((byte) '{');
    }

    @Test
    void idsAreSixteenLowerCaseHexDigitsAsNodeMakesThem() {
        assertThat(ClusterMessages.randomId()).matches("[0-9a-f]{16}");
        assertThat(ClusterMessages.randomId()).isNotEqualTo(ClusterMessages.randomId());
    }

    @Test
    void typesAreNumberedAsSocketIoAdapterNumbersThem() {
        assertThat(
                        List.of(
                                ClusterMessages.INITIAL_HEARTBEAT,
                                ClusterMessages.BROADCAST,
                                ClusterMessages.FETCH_SOCKETS_RESPONSE,
                                ClusterMessages.SERVER_SIDE_EMIT_RESPONSE,
                                ClusterMessages.BROADCAST_ACK,
                                ClusterMessages.ADAPTER_CLOSE))
                .containsExactly(1, 3, 8, 10, 12, 13);
    }
}
