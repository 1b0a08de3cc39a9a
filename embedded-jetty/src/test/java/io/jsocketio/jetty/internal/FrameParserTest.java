package io.jsocketio.jetty.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser against RFC 6455's examples (section 5.7) and its rules, fed whole and in every split:
 * what the listener sees is the same however the bytes arrive.
 */
class FrameParserTest {
    static final byte[] KEY = {0x37, (byte) 0xfa, 0x21, 0x3d};

    /** RFC 6455 5.7: a single-frame masked text message, "Hello". */
    static final byte[] MASKED_HELLO =
            bytes(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58);

    private final List<String> events = new ArrayList<>();
    private final FrameParser.Listener recorder =
            new FrameParser.Listener() {
                @Override
                public void onText(String text) {
                    events.add("text:" + text);
                }

                @Override
                public void onBinary(byte[] data) {
                    events.add("binary:" + data.length + ":" + Arrays.hashCode(data));
                }

                @Override
                public void onPing(byte[] payload) {
                    events.add("ping:" + new String(payload, UTF_8));
                }

                @Override
                public void onPong(byte[] payload) {
                    events.add("pong:" + new String(payload, UTF_8));
                }

                @Override
                public void onCloseFrame(int code, String reason) {
                    events.add("close:" + code + ":" + reason);
                }
            };

    // ---- RFC 6455 section 5.7 --------------------------------------------------------------

    @Test
    void parsesTheMaskedHelloOfTheRfc() throws Exception {
        assertThat(parseInEverySplit(MASKED_HELLO, 1000)).containsExactly("text:Hello");
    }

    @Test
    void assemblesTheFragmentedHelloOfTheRfc() throws Exception {
        // the RFC's unmasked "Hel" + "lo", masked as a client must
        byte[] wire = concat(frame(0x01, "Hel".getBytes(UTF_8)), frame(0x80, "lo".getBytes(UTF_8)));

        assertThat(parseInEverySplit(wire, 1000)).containsExactly("text:Hello");
    }

    @Test
    void parsesThePongOfTheRfcAndAPing() throws Exception {
        // RFC 5.7: "Unmasked Ping request and masked Ping response"
        byte[] pong = bytes(0x8a, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58);
        byte[] ping = frame(0x89, "Hello".getBytes(UTF_8));

        assertThat(parseInEverySplit(concat(ping, pong), 1000))
                .containsExactly("ping:Hello", "pong:Hello");
    }

    @Test
    void readsTheSixteenBitLengthFormOfA256ByteBinaryMessage() throws Exception {
        byte[] data = pattern(256);
        byte[] wire = frame(0x82, data);
        assertThat(wire[1] & 0xFF).isEqualTo(0x80 | 126);
        assertThat(wire[2]).isEqualTo((byte) 0x01);
        assertThat(wire[3]).isEqualTo((byte) 0x00);

        assertThat(parseInChunks(wire, 7, 1000)).containsExactly(binary(data));
        assertThat(parseWhole(wire, 1000)).containsExactly(binary(data));
    }

    @Test
    void readsTheSixtyFourBitLengthFormOfA64KiBBinaryMessage() throws Exception {
        byte[] data = pattern(65536);
        byte[] wire = frame(0x82, data);
        assertThat(wire[1] & 0xFF).isEqualTo(0x80 | 127);
        assertThat(Arrays.copyOfRange(wire, 2, 10)).isEqualTo(bytes(0, 0, 0, 0, 0, 1, 0, 0));

        assertThat(parseInChunks(wire, 8192, 1_000_000)).containsExactly(binary(data));
        assertThat(parseWhole(wire, 1_000_000)).containsExactly(binary(data));
    }

    // ---- messages --------------------------------------------------------------------------

    @Test
    void deliversMessagesInWireOrderWithAControlFrameInsideAFragmentedOne() throws Exception {
        byte[] wire =
                concat(
                        frame(0x81, "first".getBytes(UTF_8)),
                        frame(0x02, bytes(1, 2)),
                        frame(0x89, "p".getBytes(UTF_8)),
                        frame(0x00, bytes(3)),
                        frame(0x80, bytes(4, 5)),
                        frame(0x81, new byte[0]));

        assertThat(parseInEverySplit(wire, 1000))
                .containsExactly("text:first", "ping:p", binary(bytes(1, 2, 3, 4, 5)), "text:");
    }

    @Test
    void acceptsACharacterSplitAcrossFragments() throws Exception {
        byte[] euro = "€".getBytes(UTF_8); // three bytes
        byte[] wire =
                concat(
                        frame(0x01, Arrays.copyOfRange(euro, 0, 1)),
                        frame(0x00, Arrays.copyOfRange(euro, 1, 2)),
                        frame(0x80, Arrays.copyOfRange(euro, 2, 3)));

        assertThat(parseInEverySplit(wire, 1000)).containsExactly("text:€");
    }

    @Test
    void acceptsAMessageOfExactlyTheLimitAlsoWhenFragmented() throws Exception {
        byte[] whole = frame(0x81, "x".repeat(10).getBytes(UTF_8));
        byte[] fragmented =
                concat(
                        frame(0x01, "x".repeat(4).getBytes(UTF_8)),
                        frame(0x80, "x".repeat(6).getBytes(UTF_8)));

        assertThat(parseWhole(concat(whole, fragmented), 10))
                .containsExactly("text:" + "x".repeat(10), "text:" + "x".repeat(10));
    }

    @Test
    void takesNothingAfterACloseFrame() throws Exception {
        byte[] wire = concat(frame(0x88, closePayload(1000, "bye")), frame(0x81, bytes('a')));

        assertThat(parseWhole(wire, 1000)).containsExactly("close:1000:bye");
    }

    @Test
    void reportsACloseFrameWithoutCodeAs1005() throws Exception {
        assertThat(parseWhole(frame(0x88, new byte[0]), 1000)).containsExactly("close:1005:");
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 3000, 4999})
    void acceptsTheCloseCodesNodeAccepts(int code) throws Exception {
        assertThat(parseWhole(frame(0x88, closePayload(code, "")), 1000))
                .containsExactly("close:" + code + ":");
    }

    // ---- violations ------------------------------------------------------------------------

    @Test
    void refusesAnUnmaskedFrameWith1002() {
        byte[] unmasked = bytes(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f); // RFC 5.7, unmasked
        assertViolation(unmasked, 1000, 1002);
    }

    @ParameterizedTest
    @ValueSource(ints = {0xC1, 0xA1, 0x91}) // RSV1, RSV2, RSV3
    void refusesRsvBitsWithoutAnExtensionWith1002(int b0) {
        assertViolation(frame(b0, bytes('a')), 1000, 1002);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x83, 0x87, 0x8B, 0x8F})
    void refusesUnknownOpcodesWith1002(int b0) {
        assertViolation(frame(b0, bytes('a')), 1000, 1002);
    }

    @Test
    void refusesAControlFrameOver125BytesWith1002() {
        assertViolation(frame(0x89, new byte[126]), 1000, 1002);
    }

    @Test
    void refusesAFragmentedControlFrameWith1002() {
        assertViolation(frame(0x09, bytes('a')), 1000, 1002);
    }

    @Test
    void refusesAContinuationWithoutAMessageWith1002() {
        assertViolation(frame(0x80, bytes('a')), 1000, 1002);
    }

    @Test
    void refusesANewMessageInsideAFragmentedOneWith1002() {
        assertViolation(concat(frame(0x01, bytes('a')), frame(0x81, bytes('b'))), 1000, 1002);
    }

    @Test
    void refusesALengthWithTheHighBitSetWith1002() {
        byte[] header = bytes(0x82, 0x80 | 127, 0x80, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4);
        assertViolation(header, Long.MAX_VALUE, 1002);
    }

    @Test
    void refusesInvalidUtf8With1007InOneFrameAndAcrossFragments() {
        assertViolation(frame(0x81, bytes(0xC3, 0x28)), 1000, 1007);
        // a character left open at the end of the message
        assertViolation(
                concat(frame(0x01, bytes('a')), frame(0x80, bytes(0xE2, 0x82))), 1000, 1007);
    }

    @Test
    void refusesAMessageOverTheLimitWith1009FromItsHeaderAlone() {
        // only the header arrived: the payload is never waited for, nor buffered
        byte[] header = Arrays.copyOf(frame(0x82, new byte[100_000]), 14);
        assertViolation(header, 1000, 1009);
    }

    @Test
    void refusesAFragmentedMessageOverTheLimitWith1009AtTheFrameThatCrossesIt() {
        byte[] wire =
                concat(
                        frame(0x01, "x".repeat(6).getBytes(UTF_8)),
                        Arrays.copyOf(frame(0x80, new byte[5]), 6)); // header of the second only
        assertViolation(wire, 10, 1009);
    }

    @Test
    void refusesBadClosePayloads() {
        assertViolation(frame(0x88, bytes(0x03)), 1000, 1002); // one byte
        assertViolation(frame(0x88, closePayload(999, "")), 1000, 1002);
        assertViolation(frame(0x88, closePayload(1005, "")), 1000, 1002);
        assertViolation(frame(0x88, closePayload(2000, "")), 1000, 1002);
        assertViolation(frame(0x88, concat(closePayload(1000, ""), bytes(0xFF))), 1000, 1007);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private void assertViolation(byte[] wire, long limit, int code) {
        FrameParser parser = new FrameParser(limit, recorder);
        ByteBuffer buffer = ByteBuffer.allocate(wire.length);
        buffer.put(wire).flip();
        assertThatThrownBy(() -> parser.parse(buffer))
                .isInstanceOfSatisfying(
                        ProtocolViolation.class, v -> assertThat(v.code()).isEqualTo(code));
    }

    private List<String> parseWhole(byte[] wire, long limit) throws ProtocolViolation {
        events.clear();
        FrameParser parser = new FrameParser(limit, recorder);
        ByteBuffer buffer = ByteBuffer.allocate(wire.length);
        buffer.put(wire).flip();
        parser.parse(buffer);
        return List.copyOf(events);
    }

    /** Feeds {@code wire} in chunks of {@code size}, as reads into a small buffer would. */
    private List<String> parseInChunks(byte[] wire, int size, long limit) throws ProtocolViolation {
        events.clear();
        FrameParser parser = new FrameParser(limit, recorder);
        ByteBuffer buffer = ByteBuffer.allocate(size + 14);
        buffer.flip();
        for (int at = 0; at < wire.length; at += size) {
            buffer.compact();
            buffer.put(wire, at, Math.min(size, wire.length - at));
            buffer.flip();
            parser.parse(buffer);
        }
        return List.copyOf(events);
    }

    /** Parses {@code wire} split once at every position; asserts every split gives the same. */
    private List<String> parseInEverySplit(byte[] wire, long limit) throws ProtocolViolation {
        List<String> whole = parseWhole(wire, limit);
        for (int split = 1; split < wire.length; split++) {
            events.clear();
            FrameParser parser = new FrameParser(limit, recorder);
            ByteBuffer buffer = ByteBuffer.allocate(wire.length);
            buffer.put(wire, 0, split).flip();
            parser.parse(buffer);
            buffer.compact();
            buffer.put(wire, split, wire.length - split).flip();
            parser.parse(buffer);
            assertThat(events).as("split at " + split).isEqualTo(whole);
        }
        for (int size : new int[] {1, 2, 3}) {
            assertThat(parseInChunks(wire, size, limit)).as("chunks of " + size).isEqualTo(whole);
        }
        return whole;
    }

    /** A client frame: first byte {@code b0}, masked with {@link #KEY}. */
    static byte[] frame(int b0, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b0);
        int n = payload.length;
        if (n < 126) {
            out.write(0x80 | n);
        } else if (n <= 0xFFFF) {
            out.write(0x80 | 126);
            out.write(n >>> 8);
            out.write(n);
        } else {
            out.write(0x80 | 127);
            for (int i = 7; i >= 0; i--) {
                out.write((int) ((long) n >>> (8 * i)));
            }
        }
        out.writeBytes(KEY);
        for (int i = 0; i < n; i++) {
            out.write(payload[i] ^ KEY[i & 3]);
        }
        return out.toByteArray();
    }

    static byte[] closePayload(int code, String reason) {
        return concat(bytes(code >>> 8, code & 0xFF), reason.getBytes(UTF_8));
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] pattern(int n) {
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        return data;
    }

    private static String binary(byte[] data) {
        return "binary:" + data.length + ":" + Arrays.hashCode(data);
    }
}
