package io.jsocketio.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsocketio.parser.SocketPacket;
import io.jsocketio.parser.SocketPacketType;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Redis wire format against bytes written by npm notepack.io 3.0.1 (what
 * {@code @socket.io/redis-adapter} 8.3.0 and {@code @socket.io/redis-emitter} 5.1.0 use).
 */
@SuppressWarnings("unchecked")
class WireCodecTest {

    /**
     * notepack.encode(["abc123", {type: 2, data: ["hello", Buffer.from([1, 2, 3])], nsp: "/"},
     * {rooms: ["room1"], except: [], flags: {}}]).
     */
    private static final String BROADCAST =
            "93a661626331323383a47479706502a46461746192a568656c6c6fc403010203a36e7370a12f83a5726f"
                    + "6f6d7391a5726f6f6d31a665786365707490a5666c61677380";

    /**
     * notepack.encode({uid: "emitter", requestId: "r1", type: 9, packet: {n: 1.5, big: 4294967296,
     * neg: -7}}).
     */
    private static final String ACK_RESPONSE =
            "84a3756964a7656d6974746572a9726571756573744964a27231a47479706509a67061636b657483a16e"
                    + "cb3ff8000000000000a3626967cf0000000100000000a36e6567f9";

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static SocketPacket helloWithBinary() {
        JsonValue data =
                Json.createArrayBuilder()
                        .add("hello")
                        .add(Json.createObjectBuilder().add("_placeholder", true).add("num", 0))
                        .build();
        return new SocketPacket(
                SocketPacketType.BINARY_EVENT, "/", null, data, List.of(new byte[] {1, 2, 3}));
    }

    @Test
    void aBroadcastIsEncodedByteForByteAsNotepackDoes() {
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("rooms", List.of("room1"));
        opts.put("except", List.of());
        opts.put("flags", Map.of());
        byte[] encoded =
                Msgpack.encode(
                        List.of("abc123", Values.packetToWire(helloWithBinary(), false), opts));
        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo(BROADCAST);
    }

    @Test
    void aNodeBroadcastDecodesToAPacketWithItsBinaryAsAnAttachment() {
        List<?> message = (List<?>) Msgpack.decode(hex(BROADCAST));
        assertThat(message.get(0)).isEqualTo("abc123");
        SocketPacket packet = Values.packetFromWire(message.get(1), "/");
        assertThat(packet.type()).isEqualTo(SocketPacketType.EVENT);
        assertThat(packet.namespace()).isEqualTo("/");
        assertThat(packet.id()).isNull();
        assertThat(packet.data().toString())
                .isEqualTo("[\"hello\",{\"_placeholder\":true,\"num\":0}]");
        assertThat(packet.attachments()).containsExactly(new byte[] {1, 2, 3});
        assertThat((Map<Object, Object>) message.get(2))
                .containsEntry("rooms", List.of("room1"))
                .containsEntry("except", List.of());
    }

    @Test
    void numbersKeepTheirValuesAcrossDoublesUint64AndNegativeFixints() {
        Map<String, Object> response = Values.parseMessage(hex(ACK_RESPONSE));
        assertThat(response).containsEntry("uid", "emitter").containsEntry("type", 9L);
        assertThat((Map<Object, Object>) response.get("packet"))
                .containsEntry("n", 1.5)
                .containsEntry("big", 4294967296L)
                .containsEntry("neg", -7L);
    }

    @Test
    void aMessageStartingWithABraceIsReadAsJson() {
        byte[] json =
                "{\"uid\":\"x\",\"type\":5,\"opts\":{\"rooms\":[],\"except\":[]}}"
                        .getBytes(StandardCharsets.UTF_8);
        // numbers as the core reads a packet's JSON (JsonValues): an Integer where one holds it
        assertThat(Values.parseMessage(json)).containsEntry("type", 5).containsKey("opts");
    }

    @Test
    void undefinedAndNilBothReadAsNull() {
        // notepack.encode([undefined, null, true])
        assertThat((List<Object>) Msgpack.decode(hex("93c0c0c3")))
                .containsExactly(null, null, Boolean.TRUE);
        // fixext 1 type 0: how older notepack writes undefined
        assertThat(Msgpack.decode(hex("d40000"))).isNull();
    }

    @Test
    void integralDoublesAreWrittenAsIntegersAsNotepackDoes() {
        assertThat(HexFormat.of().formatHex(Msgpack.encode(List.of(2.0, 1.5, 4294967296L))))
                .isEqualTo("9302cb3ff8000000000000cf0000000100000000");
    }

    @Test
    void aJsonResponseIsWrittenWithNodeKeyOrder() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", 8L);
        body.put("requestId", "r1");
        body.put("clientCount", 2L);
        assertThat(new String(Values.toJsonText(body), StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":8,\"requestId\":\"r1\",\"clientCount\":2}");
    }

    @Test
    void garbageIsRejected() {
        assertThatThrownBy(() -> Values.parseMessage(hex("c1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Values.parseMessage("{oops".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
