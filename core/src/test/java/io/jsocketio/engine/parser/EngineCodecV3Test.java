package io.jsocketio.engine.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsocketio.engine.EngineMessage;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tables of Engine.IO v3 wire forms, written from docs/engine.io-protocol/v3.md (and, where the
 * spec is silent or wrong, from what Node's engine.io-parser 2.x puts on the wire).
 */
class EngineCodecV3Test {
    private static final String HANDSHAKE =
            "0{\"sid\":\"lv_VI97HAXpY6yYWAAAC\",\"upgrades\":[\"websocket\"],"
                    + "\"pingInterval\":25000,\"pingTimeout\":5000}";

    private static Packet msg(String text) {
        return Packet.of(PacketType.MESSAGE, text);
    }

    private static Packet bin(int... bytes) {
        return Packet.message(EngineMessage.binary(bytes(bytes)));
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    // ---- packets ----

    static Stream<Arguments> textPackets() {
        return Stream.of(
                Arguments.of(HANDSHAKE, Packet.of(PacketType.OPEN, HANDSHAKE.substring(1))),
                Arguments.of("1", Packet.of(PacketType.CLOSE)),
                Arguments.of("2", Packet.of(PacketType.PING)),
                Arguments.of("2probe", Packet.of(PacketType.PING, "probe")),
                Arguments.of("3", Packet.of(PacketType.PONG)),
                Arguments.of("3probe", Packet.of(PacketType.PONG, "probe")),
                Arguments.of("4HelloWorld", msg("HelloWorld")),
                Arguments.of("4", msg("")),
                Arguments.of("4€", msg("€")),
                Arguments.of("5", Packet.of(PacketType.UPGRADE)),
                Arguments.of("6", Packet.of(PacketType.NOOP)),
                Arguments.of("b4AQIDBA==", bin(1, 2, 3, 4)),
                Arguments.of("b4AAECAwQF", bin(0, 1, 2, 3, 4, 5)),
                Arguments.of("b4", bin()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textPackets")
    void decodesEachTextPacket(String wire, Packet expected) {
        assertThat(EngineCodecV3.decodePacket(wire)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textPackets")
    void encodesEachPacketToItsTextForm(String wire, Packet packet) {
        assertThat(EngineCodecV3.encodePacket(packet)).isEqualTo(wire);
    }

    static Stream<Arguments> binaryFrames() {
        return Stream.of(
                Arguments.of(bytes(4, 0, 1, 2, 3, 4, 5), bin(0, 1, 2, 3, 4, 5)),
                Arguments.of(bytes(4, 0xff), bin(0xff)),
                Arguments.of(bytes(4), bin()));
    }

    @ParameterizedTest
    @MethodSource("binaryFrames")
    void decodesABinaryFrameWithItsLeadingTypeByte(byte[] frame, Packet expected) {
        assertThat(EngineCodecV3.decodeBinaryFrame(frame)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("binaryFrames")
    void encodesABinaryMessageAsAFrameWithTheTypeByte4First(byte[] frame, Packet packet) {
        assertThat(EngineCodecV3.encodeBinaryFrame(packet)).isEqualTo(frame);
    }

    @Test
    void refusesToEncodeATextPacketAsABinaryFrame() {
        assertThatThrownBy(() -> EngineCodecV3.encodeBinaryFrame(msg("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(
            strings = {
                "",
                " ",
                "7",
                "x",
                "-",
                "\u001e",
                "b",
                "b2AQ==",
                "b0",
                "bb4",
                "b4!!!!",
                "b4A",
                "b4AQ=",
                "b4AQ!D",
                "bAQIDBA==" // the v4 form has no type digit after b
            })
    void rejectsInvalidTextPackets(String wire) {
        assertThatThrownBy(() -> EngineCodecV3.decodePacket(wire))
                .isInstanceOf(PacketFormatException.class);
    }

    static Stream<byte[]> invalidBinaryFrames() {
        return Stream.of(bytes(), bytes(0), bytes(2, 1), bytes('4', 1), bytes(0xff, 1));
    }

    @ParameterizedTest
    @MethodSource("invalidBinaryFrames")
    void rejectsBinaryFramesThatAreNotAMessage(byte[] frame) {
        assertThatThrownBy(() -> EngineCodecV3.decodeBinaryFrame(frame))
                .isInstanceOf(PacketFormatException.class);
    }

    // ---- string payloads (also the b64=1 form) ----

    static Stream<Arguments> stringPayloads() {
        return Stream.of(
                Arguments.of(
                        "96:" + HANDSHAKE,
                        List.of(Packet.of(PacketType.OPEN, HANDSHAKE.substring(1)))),
                Arguments.of("4:4hey", List.of(msg("hey"))),
                Arguments.of("6:4hello6:4world", List.of(msg("hello"), msg("world"))),
                Arguments.of("6:4hello2:4€", List.of(msg("hello"), msg("€"))),
                Arguments.of("2:4€10:b4AQIDBA==", List.of(msg("€"), bin(1, 2, 3, 4))),
                Arguments.of("3:4😀", List.of(msg("😀"))), // two UTF-16 code units
                Arguments.of(
                        "1:21:36:3probe",
                        List.of(
                                Packet.of(PacketType.PING),
                                Packet.of(PacketType.PONG),
                                Packet.of(PacketType.PONG, "probe"))),
                Arguments.of("1:4", List.of(msg(""))),
                Arguments.of("5:41:2:", List.of(msg("1:2:"))),
                Arguments.of("2:b4", List.of(bin())),
                Arguments.of("1:6", List.of(Packet.of(PacketType.NOOP))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stringPayloads")
    void decodesEachStringPayload(String body, List<Packet> expected) {
        assertThat(EngineCodecV3.decodePayload(body)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stringPayloads")
    void encodesEachStringPayloadWithLengthsInUtf16Units(String body, List<Packet> packets) {
        assertThat(EngineCodecV3.encodePayload(packets)).isEqualTo(body);
    }

    @Test
    void encodesNoPacketsAsZeroColonAndDecodesThatToNoPackets() {
        assertThat(EngineCodecV3.encodePayload(List.of())).isEqualTo("0:");
        assertThat(EngineCodecV3.decodePayload("0:")).isEmpty();
    }

    @Test
    void skipsZeroLengthElementsAndAcceptsLeadingZerosInLengthsAsNodeDoes() {
        assertThat(EngineCodecV3.decodePayload("0:1:20:"))
                .containsExactly(Packet.of(PacketType.PING));
        assertThat(EngineCodecV3.decodePayload("06:4hello")).containsExactly(msg("hello"));
    }

    @Test
    void stopsDecodingAfterACloseLikeNode() {
        assertThat(EngineCodecV3.decodePayload("6:4hello1:1garbage"))
                .containsExactly(msg("hello"), Packet.of(PacketType.CLOSE));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(
            strings = {
                "",
                "6",
                ":4hello",
                "x:4hello",
                " 6:4hello",
                "+6:4hello",
                "0x6:4hello",
                "6e0:4hello",
                "-1:4",
                "1234567890:4",
                "6:4hel",
                "6:4hello6",
                "6:4hello7:4world",
                "6:4hello:",
                "1:7",
                "1: ",
                "2:b2",
                "4:b4A=",
                "10:bAQIDBA==",
                "4hello",
                "4hello\u001e2"
            })
    void rejectsInvalidStringPayloads(String body) {
        assertThatThrownBy(() -> EngineCodecV3.decodePayload(body))
                .isInstanceOf(PacketFormatException.class);
    }

    @Test
    void reportsTheValidPacketsBeforeTheFaultOfAStringPayload() {
        assertThatThrownBy(() -> EngineCodecV3.decodePayload("6:4hello1:21:7"))
                .isInstanceOfSatisfying(
                        PacketFormatException.class,
                        e ->
                                assertThat(e.decodedBefore())
                                        .containsExactly(msg("hello"), Packet.of(PacketType.PING)));
    }

    // ---- binary (XHR2) payloads ----

    static Stream<Arguments> binaryPayloads() {
        return Stream.of(
                // the spec's example, with the type byte 04 that Node writes before the buffer
                Arguments.of(
                        bytes(
                                0x00, 0x04, 0xff, 0x34, 0xe2, 0x82, 0xac, 0x01, 0x05, 0xff, 0x04,
                                0x01, 0x02, 0x03, 0x04),
                        List.of(msg("€"), bin(1, 2, 3, 4))),
                Arguments.of(bytes(0x01, 0x01, 0xff, 0x04), List.of(bin())),
                Arguments.of(
                        bytes(
                                0x00, 0x06, 0xff, '4', 'h', 'e', 'l', 'l', 'o', 0x01, 0x02, 0xff,
                                0x04, 0xff),
                        List.of(msg("hello"), bin(0xff))),
                Arguments.of(
                        bytes(
                                0x00, 0x01, 0xff, '2', 0x01, 0x01, 0x03, 0xff, 0x04, 0, 1, 2, 3, 4,
                                5, 6, 7, 8, 9, 10, 11),
                        List.of(
                                Packet.of(PacketType.PING),
                                bin(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11))),
                Arguments.of(
                        bytes(0x00, 0x05, 0xff, '4', 0xf0, 0x9f, 0x98, 0x80), List.of(msg("😀"))),
                // a lone surrogate travels as its three-byte form, as Node's utf8 module writes it
                Arguments.of(
                        bytes(0x00, 0x04, 0xff, '4', 0xed, 0xa0, 0x80), List.of(msg("\ud800"))),
                Arguments.of(bytes(), List.of()));
    }

    @ParameterizedTest
    @MethodSource("binaryPayloads")
    void decodesEachBinaryPayload(byte[] body, List<Packet> expected) {
        assertThat(EngineCodecV3.decodeBinaryPayload(body)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @MethodSource("binaryPayloads")
    void encodesEachBinaryPayload(byte[] body, List<Packet> packets) {
        assertThat(EngineCodecV3.encodeBinaryPayload(packets)).isEqualTo(body);
    }

    @Test
    void writesMultiDigitLengthsAsOneByteEachInABinaryPayload() {
        byte[] data = new byte[1234];
        byte[] body =
                EngineCodecV3.encodeBinaryPayload(
                        List.of(Packet.message(EngineMessage.binary(data))));
        assertThat(body).startsWith(bytes(0x01, 0x01, 0x02, 0x03, 0x05, 0xff, 0x04));
        assertThat(body).hasSize(6 + 1235);
        assertThat(EngineCodecV3.decodeBinaryPayload(body))
                .containsExactly(Packet.message(EngineMessage.binary(data)));
    }

    @Test
    void decodesACesuEncodedSurrogatePairInABinaryPayloadToTheCharacter() {
        byte[] body = bytes(0x00, 0x07, 0xff, '4', 0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80);
        assertThat(EngineCodecV3.decodeBinaryPayload(body)).containsExactly(msg("😀"));
    }

    @Test
    void stopsDecodingABinaryPayloadAfterAClose() {
        byte[] body = bytes(0x00, 0x01, 0xff, '1', 0x07);
        assertThat(EngineCodecV3.decodeBinaryPayload(body))
                .containsExactly(Packet.of(PacketType.CLOSE));
    }

    static Stream<byte[]> invalidBinaryPayloads() {
        return Stream.of(
                bytes(0x02, 0x01, 0xff, '4'), // unknown marker
                bytes(0xff, 0x01, 0xff, '4'),
                bytes(0x00, 0xff, '4'), // no length digits
                bytes(0x00, 0x01), // no 0xFF
                bytes(0x00, 0x01, '4'),
                bytes(0x00, 0x0a, 0xff, '4'), // a length byte above 9
                bytes(0x00, '1', 0xff, '4'), // ASCII digit instead of the value
                bytes(0x00, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0xff, '4'), // absurd length
                bytes(0x00, 0x02, 0xff, '4'), // truncated
                bytes(0x01, 0x05, 0xff, 0x04, 1, 2), // truncated binary
                bytes(0x00, 0x00, 0xff), // empty text element
                bytes(0x01, 0x00, 0xff), // binary element without type byte
                bytes(0x01, 0x02, 0xff, 0x02, 0x01), // binary ping
                bytes(0x00, 0x01, 0xff, '7'), // unknown packet type
                bytes(0x00, 0x02, 0xff, '4', 0xc3), // truncated UTF-8
                bytes(0x00, 0x03, 0xff, '4', 0xc3, 'a'), // bad continuation byte
                bytes(0x00, 0x03, 0xff, '4', 0xc0, 0x80), // overlong
                bytes(0x00, 0x02, 0xff, '4', 0x80), // stray continuation byte
                bytes(0x00, 0x05, 0xff, '4', 0xf4, 0x90, 0x80, 0x80), // above U+10FFFF
                bytes(0x00, 0x02, 0xff, '4', 0xff),
                bytes(0x00, 0x01, 0xff, '2', 0x00)); // valid packet, then a cut header
    }

    @ParameterizedTest
    @MethodSource("invalidBinaryPayloads")
    void rejectsInvalidBinaryPayloads(byte[] body) {
        assertThatThrownBy(() -> EngineCodecV3.decodeBinaryPayload(body))
                .isInstanceOf(PacketFormatException.class);
    }

    @Test
    void reportsTheValidPacketsBeforeTheFaultOfABinaryPayload() {
        byte[] body = bytes(0x00, 0x01, 0xff, '2', 0x01, 0x01, 0xff, 0x02);
        assertThatThrownBy(() -> EngineCodecV3.decodeBinaryPayload(body))
                .isInstanceOfSatisfying(
                        PacketFormatException.class,
                        e ->
                                assertThat(e.decodedBefore())
                                        .containsExactly(Packet.of(PacketType.PING)));
    }

    @Test
    void roundTripsEveryByteValueThroughAllThreeForms() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        List<Packet> packets =
                List.of(
                        msg("a€😀\n"),
                        Packet.message(EngineMessage.binary(all)),
                        Packet.of(PacketType.NOOP));
        assertThat(EngineCodecV3.decodePayload(EngineCodecV3.encodePayload(packets)))
                .isEqualTo(packets);
        assertThat(EngineCodecV3.decodeBinaryPayload(EngineCodecV3.encodeBinaryPayload(packets)))
                .isEqualTo(packets);
        assertThat(EngineCodecV3.decodeBinaryFrame(EngineCodecV3.encodeBinaryFrame(packets.get(1))))
                .isEqualTo(packets.get(1));
    }

    @Test
    void choosesTheBinaryPayloadOnlyForBinaryPacketsToABinaryCapableClient() {
        List<Packet> text = List.of(msg("a"), Packet.of(PacketType.PONG));
        List<Packet> mixed = List.of(msg("a"), bin(1));
        assertThat(EngineCodecV3.usesBinaryPayload(text, true)).isFalse();
        assertThat(EngineCodecV3.usesBinaryPayload(mixed, true)).isTrue();
        assertThat(EngineCodecV3.usesBinaryPayload(mixed, false)).isFalse();
        assertThat(EngineCodecV3.usesBinaryPayload(List.of(), true)).isFalse();
    }

    // ---- JSONP ----

    static Stream<Arguments> jsonpScripts() {
        return Stream.of(
                Arguments.of("4", "packet data", "___eio[4](\"packet data\");"),
                Arguments.of("0", "6:4hello", "___eio[0](\"6:4hello\");"),
                Arguments.of("12", "2:4\"", "___eio[12](\"2:4\\\"\");"),
                Arguments.of("1", "2:4\\", "___eio[1](\"2:4\\\\\");"),
                Arguments.of("1", "6:4a\nb\rc", "___eio[1](\"6:4a\\nb\\rc\");"),
                Arguments.of("1", "\t\b\f", "___eio[1](\"\\t\\b\\f\");"),
                Arguments.of(
                        "1",
                        "\u0000\u0001\u001f\u001e",
                        "___eio[1](\"\\u0000\\u0001\\u001f\\u001e\");"),
                Arguments.of("1", "\u2028\u2029", "___eio[1](\"\\u2028\\u2029\");"),
                Arguments.of("1", "\u007f/</script>'", "___eio[1](\"\u007f/</script>'\");"),
                Arguments.of("1", "€😀é", "___eio[1](\"€😀é\");"),
                Arguments.of("1", "x\ud800y\udc00", "___eio[1](\"x\\ud800y\\udc00\");"),
                Arguments.of("1", "10:b4AQIDBA==", "___eio[1](\"10:b4AQIDBA==\");"),
                Arguments.of("a1b2", "1:6", "___eio[12](\"1:6\");"),
                Arguments.of("", "1:6", "___eio[](\"1:6\");"),
                Arguments.of("\");alert(1)//", "1:6", "___eio[1](\"1:6\");"));
    }

    @ParameterizedTest(name = "[{index}] j={0}")
    @MethodSource("jsonpScripts")
    void wrapsThePayloadInTheJsonpScriptEscapedAsNodeDoes(String j, String payload, String script) {
        assertThat(EngineCodecV3.encodeJsonp(j, payload)).isEqualTo(script);
    }

    static Stream<Arguments> jsonpBodies() {
        return Stream.of(
                Arguments.of("d=6%3A4hello", Optional.of("6:4hello")),
                Arguments.of("d=6:4hello", Optional.of("6:4hello")),
                Arguments.of("d=4%3A4a+b", Optional.of("4:4a b")),
                Arguments.of("d=2%3A4%E2%82%AC", Optional.of("2:4€")),
                Arguments.of("d=2%3a4%e2%82%ac", Optional.of("2:4€")),
                Arguments.of("d=2%3A4%2B", Optional.of("2:4+")),
                Arguments.of("x=1&d=1%3A2&y=2", Optional.of("1:2")),
                Arguments.of("&&d=1%3A2&", Optional.of("1:2")),
                Arguments.of("%64=1%3A2", Optional.of("1:2")),
                Arguments.of("d=a%3Db", Optional.of("a=b")),
                Arguments.of("d=a=b", Optional.of("a=b")),
                Arguments.of("d=", Optional.of("")),
                Arguments.of("d", Optional.of("")),
                Arguments.of("d=%zz100%", Optional.of("%zz100%")),
                Arguments.of("d=%4", Optional.of("%4")),
                Arguments.of("d=%E2%82", Optional.of("\ufffd")),
                // a newline is posted as backslash-n, an escaped one as backslash-backslash-n
                Arguments.of("d=4%3A4a%5Cnb", Optional.of("4:4a\nb")),
                Arguments.of("d=a%5C%5Cnb", Optional.of("a\\nb")),
                Arguments.of("d=a%5Cn%5C%5Cn%5Cn", Optional.of("a\n\\n\n")),
                Arguments.of("d=%5C%5C%5Cn", Optional.of("\\\\n")),
                Arguments.of("d=a%0Ab", Optional.of("a\nb")),
                Arguments.of("", Optional.empty()),
                Arguments.of("x=1", Optional.empty()),
                Arguments.of("D=1%3A2", Optional.empty()),
                Arguments.of("d=1%3A2&d=1%3A3", Optional.empty()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("jsonpBodies")
    void readsTheDFieldOfAJsonpPostBody(String form, Optional<String> payload) {
        assertThat(EngineCodecV3.decodeJsonpBody(form)).isEqualTo(payload);
    }

    @Test
    void examinesOnlyTheFirstThousandPairsOfAJsonpBody() {
        String junk = "x=1&".repeat(1000);
        assertThat(EngineCodecV3.decodeJsonpBody(junk + "d=1%3A2")).isEmpty();
        assertThat(EngineCodecV3.decodeJsonpBody("x=1&".repeat(999) + "d=1%3A2")).contains("1:2");
    }

    @Test
    void roundTripsNewlinesThroughTheJsonpClientEscaping() {
        String payload = "8:4a\nb\\nc\\";
        // what the 2.x client does before posting: escaped newlines first, then newlines
        String escaped = payload.replace("\\n", "\\\\n").replace("\n", "\\n");
        String form =
                "d=" + java.net.URLEncoder.encode(escaped, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(EngineCodecV3.decodeJsonpBody(form)).contains(payload);
        assertThat(EngineCodecV3.decodePayload(payload)).containsExactly(msg("a\nb\\nc\\"));
    }

    /** A broadcast sends one message to many sessions: its text is framed once, not per session. */
    @Test
    void framesATextMessageOnceForEverySessionItIsSentTo() {
        io.jsocketio.engine.EngineMessage shared =
                io.jsocketio.engine.EngineMessage.text("[\"news\",1]");

        String first = EngineCodecV3.encodePacket(Packet.message(shared));
        String second = EngineCodecV3.encodePacket(Packet.message(shared));

        assertThat(first).isEqualTo("4[\"news\",1]");
        assertThat(second).isSameAs(first);
    }
}
