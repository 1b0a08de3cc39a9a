package io.jsocketio.msgpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.parser.PacketFormatException;
import io.jsocketio.parser.PacketDecoder;
import io.jsocketio.parser.SocketPacket;
import io.jsocketio.parser.SocketPacketType;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The wire bytes are those npm notepack.io 2.2 (the one socket.io-msgpack-parser 3.0.2 uses) writes
 * for the packet objects Node's server and client build.
 */
class MsgpackParserTest {

    private static final HexFormat HEX = HexFormat.of();
    private final MsgpackParser parser = MsgpackParser.create();

    private static JsonValue json(String text) {
        return Json.createReader(new java.io.StringReader(text)).readValue();
    }

    private String encode(SocketPacket packet) {
        List<EngineMessage> messages = parser.encode(packet);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).isBinary()).isTrue();
        return HEX.formatHex(messages.get(0).binary());
    }

    private SocketPacket decode(String hex) {
        return parser.newDecoder().add(EngineMessage.binary(HEX.parseHex(hex)));
    }

    @Test
    void writesTheConnectReplyAsNodeDoes() {
        // {type:0, data:{sid:"abc"}, nsp:"/"}
        assertThat(
                        encode(
                                SocketPacket.of(
                                        SocketPacketType.CONNECT,
                                        "/",
                                        null,
                                        json("{\"sid\":\"abc\"}"))))
                .isEqualTo("83a47479706500a46461746181a3736964a3616263a36e7370a12f");
    }

    @Test
    void writesEventsWithNumbersInNotepacksFormatsAndAttachmentsInlineAsBin() {
        // {type:2, data:["hi",1,1.5,null,true,-1,300,-200,70000,2**32,Buffer[1,2,3]], nsp:"/"}
        SocketPacket event =
                new SocketPacket(
                        SocketPacketType.BINARY_EVENT,
                        "/",
                        null,
                        json(
                                "[\"hi\",1,1.5,null,true,-1,300,-200,70000,4294967296,"
                                        + "{\"_placeholder\":true,\"num\":0}]"),
                        List.of(new byte[] {1, 2, 3}));
        assertThat(encode(event))
                .isEqualTo(
                        "83a47479706502a4646174619ba2686901cb3ff8000000000000c0c3ffcd012cd1ff38"
                                + "ce00011170cf0000000100000000c403010203a36e7370a12f");
    }

    @Test
    void writesAnAckIdFirstAsNodesAckPacketHasIt() {
        // {id:7, type:3, data:[{a:Buffer[9]}], nsp:"/chat"}
        SocketPacket ack =
                new SocketPacket(
                        SocketPacketType.BINARY_ACK,
                        "/chat",
                        7L,
                        json("[{\"a\":{\"_placeholder\":true,\"num\":0}}]"),
                        List.of(new byte[] {9}));
        assertThat(encode(ack))
                .isEqualTo("84a2696407a47479706503a4646174619181a161c40109a36e7370a52f63686174");
    }

    @Test
    void writesIntegralDecimalsAsIntegersAndAPlaceholderWithoutAttachmentsAsAMap() {
        SocketPacket event =
                SocketPacket.of(
                        SocketPacketType.EVENT,
                        "/",
                        null,
                        json("[1.0,1e2,{\"_placeholder\":true,\"num\":0}]"));
        // data [1, 100, {_placeholder:true, num:0}]
        assertThat(encode(event))
                .isEqualTo(
                        "83a47479706502a464617461930164"
                                + "82ac5f706c616365686f6c646572c3a36e756d00a36e7370a12f");
    }

    @Test
    void readsTheClientsEventWithItsOptionsFieldAndBinaryInsideAnObject() {
        // {type:2, data:["e",{x:Buffer[4,5]}], options:{compress:true}, id:3, nsp:"/"}
        SocketPacket packet =
                decode(
                        "85a47479706502a46461746192a16581a178c4020405a76f7074696f6e7381a8636f6d"
                                + "7072657373c3a2696403a36e7370a12f");
        assertThat(packet.type()).isEqualTo(SocketPacketType.BINARY_EVENT);
        assertThat(packet.namespace()).isEqualTo("/");
        assertThat(packet.id()).isEqualTo(3L);
        assertThat(packet.data())
                .isEqualTo(json("[\"e\",{\"x\":{\"_placeholder\":true,\"num\":0}}]"));
        assertThat(packet.attachments()).containsExactly(new byte[] {4, 5});
    }

    @Test
    void readsAConnectWhoseAuthIsUndefinedAsAConnectWithoutPayload() {
        // {type:0, data:undefined, nsp:"/"}
        SocketPacket packet = decode("83a47479706500a464617461d40000a36e7370a12f");
        assertThat(packet.type()).isEqualTo(SocketPacketType.CONNECT);
        assertThat(packet.data()).isNull();
        assertThat(packet.attachments()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // ["e", undefined, {a:undefined, b:1}]: null in arrays, left out of maps
                "undefined | 93a165d4000082a161d40000a16201 | [\"e\",null,{\"b\":1}]",
                // ["e", new Date(1000)]
                "Date | 92a165d70000000000000003e8 | [\"e\",\"1970-01-01T00:00:01.000Z\"]",
                // ["e", [NaN, 3.0, 0.5]] as float 64
                "floats | 92a16593cb7ff8000000000000cb4008000000000000cb3fe0000000000000"
                        + " | [\"e\",[null,3,0.5]]",
                // ["e", uint 64 max]
                "uint64 | 92a165cfffffffffffffffff | [\"e\",18446744073709551615]",
                // ["e", {1:1, nil:2}]: integer and nil keys become property names
                "keys | 92a165820101c002 | [\"e\",{\"1\":1,\"null\":2}]",
                // ["e", "\xc3("]: invalid UTF-8 becomes U+FFFD, as Buffer.toString does
                "utf8 | 92a165a2c328 | [\"e\",\"\ufffd(\"]",
            })
    void readsValuesAsJsonStringifyWouldWriteTheirJavaScriptValues(
            String name, String dataHex, String data) {
        // {type:2, data:<dataHex>, nsp:"/"}
        String hex = "83a47479706502a464617461" + dataHex.replace(" ", "") + "a36e7370a12f";
        assertThat(decode(hex).data()).isEqualTo(json(data));
    }

    @Test
    void readsAnArrayBufferAsBinaryAndOtherExtensionsAsTypeAndBinary() {
        // data ["e", ArrayBuffer[1,2], ext 5 [7]]
        SocketPacket packet = decode("83a47479706502a46461746193a165c702000102d40507a36e7370a12f");
        assertThat(packet.type()).isEqualTo(SocketPacketType.BINARY_EVENT);
        assertThat(packet.data())
                .isEqualTo(
                        json(
                                "[\"e\",{\"_placeholder\":true,\"num\":0},"
                                        + "[5,{\"_placeholder\":true,\"num\":1}]]"));
        assertThat(packet.attachments()).containsExactly(new byte[] {1, 2}, new byte[] {7});
    }

    @Test
    void roundTripsAPacketWithNestedBinary() {
        SocketPacket packet =
                new SocketPacket(
                        SocketPacketType.BINARY_EVENT,
                        "/admin",
                        12L,
                        json(
                                "[\"up\",{\"f\":{\"_placeholder\":true,\"num\":0},\"n\":[-5,"
                                        + "{\"_placeholder\":true,\"num\":1}]},\"x\",2.5]"),
                        List.of(new byte[300], new byte[] {1}));
        SocketPacket back = parser.newDecoder().add(parser.encode(packet).get(0));
        assertThat(back.type()).isEqualTo(packet.type());
        assertThat(back.namespace()).isEqualTo("/admin");
        assertThat(back.id()).isEqualTo(12L);
        assertThat(back.data()).isEqualTo(packet.data());
        assertThat(back.attachments()).containsExactly(new byte[300], new byte[] {1});
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "an array, not a map | 9102 | invalid packet type",
                "type 5 | 82a47479706505a36e7370a12f | invalid packet type",
                "type \"2\" | 82a474797065a132a36e7370a12f | invalid packet type",
                "type 1.5 | 82a474797065cb3ff8000000000000a36e7370a12f | invalid packet type",
                "no type | 81a36e7370a12f | invalid packet type",
                "no namespace | 81a47479706501 | invalid namespace",
                "namespace 1 | 82a47479706501a36e737001 | invalid namespace",
                "namespace without slash | 82a47479706501a36e7370a161 | invalid namespace",
                "DISCONNECT with data | 83a47479706501a46461746190a36e7370a12f | invalid payload",
                "CONNECT with an array | 83a47479706500a46461746190a36e7370a12f | invalid payload",
                "CONNECT with binary | 83a47479706500a464617461c400a36e7370a12f | invalid payload",
                "CONNECT_ERROR with a number | 83a47479706504a46461746101a36e7370a12f | invalid payload",
                "EVENT with a map | 83a47479706502a46461746180a36e7370a12f | invalid payload",
                "EVENT without name | 83a47479706502a46461746190a36e7370a12f | invalid payload",
                "EVENT named connect | 83a47479706502a46461746191a7636f6e6e656374a36e7370a12f"
                        + " | invalid payload",
                "ACK without data | 83a47479706503a2696401a36e7370a12f | invalid payload",
                "id -1 | 84a47479706502a46461746191a165a26964ffa36e7370a12f | invalid packet id",
                "id 1.5 | 84a47479706502a46461746191a165a2696"
                        + "4cb3ff8000000000000a36e7370a12f | invalid packet id",
                "id nil | 84a47479706502a46461746191a165a26964c0a36e7370a12f | invalid packet id",
                "trailing bytes | 82a47479706501a36e7370a12f00 | 1 trailing bytes",
                "truncated | 82a474797065cd01 | could not parse",
                "a huge declared array | 82a47479706502a464617461dd7fffffff | declared length",
                "a huge declared string | 82a474797065db7fffffff | declared length",
                "an array as a map key | 83a47479706501a36e7370a12f9001 | unsupported map key",
                "a duplicate map key | 83a47479706502a46461746192a16582a178c401ffa17800a36e7370a12f"
                        + " | duplicate map key",
                "a duplicate packet field | 83a47479706501a47479706501a36e7370a12f"
                        + " | duplicate map key",
            })
    void rejectsWhatNodesMsgpackParserRejectsWithItsMessages(
            String name, String hex, String message) {
        String bytes = hex.replace(" ", "");
        assertThatThrownBy(() -> decode(bytes))
                .isInstanceOf(PacketFormatException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void rejectsDeepNestingAndTextMessages() {
        StringBuilder deep = new StringBuilder("83a47479706502a46461746192a165");
        deep.append("91".repeat(1001)).append("c0").append("a36e7370a12f");
        assertThatThrownBy(() -> decode(deep.toString()))
                .isInstanceOf(PacketFormatException.class)
                .hasMessageContaining("nested deeper");
        PacketDecoder decoder = parser.newDecoder();
        assertThatThrownBy(() -> decoder.add(EngineMessage.text("2[\"e\"]")))
                .isInstanceOf(PacketFormatException.class)
                .hasMessageContaining("text message");
        assertThat(decoder.isReconstructing()).isFalse();
    }
}
