package io.jsocketio.jetty.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.WebSocketFrame;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Server frames as RFC 6455 section 5.7 writes them: final, unmasked, shortest length form. */
class FrameEncoderTest {

    @Test
    void encodesTheUnmaskedHelloOfTheRfc() {
        ByteBuffer[] buffers = FrameEncoder.encode(List.of(WebSocketFrame.text("Hello")));

        assertThat(bytes(buffers))
                .isEqualTo(FrameParserTest.bytes(0x81, 0x05, 'H', 'e', 'l', 'l', 'o'));
    }

    @Test
    void encodesTheUnmaskedPingOfTheRfc() {
        ByteBuffer ping = FrameEncoder.control(FrameParser.PING, "Hello".getBytes(UTF_8));

        assertThat(bytes(ping))
                .isEqualTo(FrameParserTest.bytes(0x89, 0x05, 'H', 'e', 'l', 'l', 'o'));
    }

    @ParameterizedTest(name = "{0} bytes -> header {1}")
    @CsvSource({
        "0,     82 00",
        "125,   82 7d",
        "126,   82 7e 00 7e",
        "256,   82 7e 01 00",
        "65535, 82 7e ff ff",
        "65536, 82 7f 00 00 00 00 00 01 00 00",
    })
    void usesTheShortestLengthForm(int length, String header) {
        ByteBuffer[] buffers =
                FrameEncoder.encode(List.of(WebSocketFrame.binary(new byte[length])));

        assertThat(hex(buffers[0])).isEqualTo(header);
        assertThat(buffers[1].remaining()).isEqualTo(length);
    }

    @Test
    void putsABatchInOrderAsHeaderPayloadPairsForOneGatheringWrite() {
        WebSocketFrame text = WebSocketFrame.text("4é");
        WebSocketFrame binary = WebSocketFrame.binary(new byte[] {1, 2, 3});

        ByteBuffer[] buffers = FrameEncoder.encode(List.of(text, binary, text));

        assertThat(buffers).hasSize(6);
        assertThat(bytes(buffers))
                .isEqualTo(
                        FrameParserTest.bytes(
                                0x81, 3, '4', 0xC3, 0xA9, 0x82, 3, 1, 2, 3, 0x81, 3, '4', 0xC3,
                                0xA9));
    }

    @Test
    void writesTheCloseCodeAndReason() {
        assertThat(FrameEncoder.closePayload(1000, "bye"))
                .isEqualTo(FrameParserTest.bytes(0x03, 0xE8, 'b', 'y', 'e'));
        assertThat(FrameEncoder.closePayload(1005, "ignored")).isEmpty();
    }

    @Test
    void cutsALongCloseReasonTo123BytesAtACharacterBoundary() {
        byte[] ascii = FrameEncoder.closePayload(1011, "x".repeat(200));
        byte[] twoByte = FrameEncoder.closePayload(1011, "é".repeat(100)); // 200 bytes
        byte[] fourByte = FrameEncoder.closePayload(1011, "x" + "😀".repeat(40)); // 161 bytes

        assertThat(ascii).hasSize(2 + 123);
        assertThat(new String(twoByte, 2, twoByte.length - 2, UTF_8)).isEqualTo("é".repeat(61));
        assertThat(new String(fourByte, 2, fourByte.length - 2, UTF_8))
                .isEqualTo("x" + "😀".repeat(30));
        assertThat(FrameEncoder.control(FrameParser.CLOSE, twoByte).remaining())
                .isLessThanOrEqualTo(127);
    }

    private static byte[] bytes(ByteBuffer... buffers) {
        int n = Arrays.stream(buffers).mapToInt(ByteBuffer::remaining).sum();
        ByteBuffer all = ByteBuffer.allocate(n);
        for (ByteBuffer b : buffers) {
            all.put(b.duplicate());
        }
        return all.array();
    }

    private static String hex(ByteBuffer buffer) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes(buffer)) {
            out.append(out.length() == 0 ? "" : " ").append(String.format("%02x", b & 0xFF));
        }
        return out.toString();
    }
}
