package io.jsocketio.jetty.internal;

import io.jsocketio.engine.WebSocketFrame;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes the frames a WebSocket server sends (RFC 6455 section 5.2): final, unmasked, with the
 * shortest length form. A batch becomes one array of buffers for one gathering write: each frame's
 * header (2, 4 or 10 bytes, all in one small array) followed by its payload, which is shared, not
 * copied ({@link WebSocketFrame#payload()}: a broadcast's text is UTF-8-encoded once for every
 * recipient).
 *
 * <p>Thread-safety: stateless.
 */
final class FrameEncoder {
    /** The longest close reason, in bytes: a control frame holds 125, the code takes 2. */
    static final int MAX_REASON_BYTES = 123;

    private FrameEncoder() {}

    /** Headers and payloads of {@code frames}, in order, for one gathering write. */
    static ByteBuffer[] encode(List<WebSocketFrame> frames) {
        int count = frames.size();
        ByteBuffer[] buffers = new ByteBuffer[2 * count];
        byte[] headers = new byte[10 * count];
        int offset = 0;
        for (int i = 0; i < count; i++) {
            WebSocketFrame frame = frames.get(i);
            ByteBuffer payload = frame.payload();
            int opcode = frame.isText() ? FrameParser.TEXT : FrameParser.BINARY;
            int length = putHeader(headers, offset, opcode, payload.remaining());
            buffers[2 * i] = ByteBuffer.wrap(headers, offset, length);
            buffers[2 * i + 1] = payload;
            offset += length;
        }
        return buffers;
    }

    /** One whole control frame (ping, pong or close), payload at most 125 bytes. */
    static ByteBuffer control(int opcode, byte[] payload) {
        if (payload.length > 125) {
            throw new IllegalArgumentException("control payload over 125 bytes");
        }
        byte[] frame = new byte[2 + payload.length];
        putHeader(frame, 0, opcode, payload.length);
        System.arraycopy(payload, 0, frame, 2, payload.length);
        return ByteBuffer.wrap(frame);
    }

    /**
     * A close frame's payload: the code, then the reason cut to {@value #MAX_REASON_BYTES} bytes at
     * a character boundary; empty for {@link FrameParser#NO_STATUS}.
     */
    static byte[] closePayload(int code, String reason) {
        if (code == FrameParser.NO_STATUS) {
            return new byte[0];
        }
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        int length = text.length;
        if (length > MAX_REASON_BYTES) {
            length = MAX_REASON_BYTES;
            while ((text[length] & 0xC0) == 0x80) {
                length--; // text[length] continues a character: cut before that character
            }
        }
        byte[] payload = new byte[2 + length];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, length);
        return payload;
    }

    /** Writes a final, unmasked header at {@code offset}; returns its length. */
    static int putHeader(byte[] out, int offset, int opcode, long length) {
        out[offset] = (byte) (0x80 | opcode);
        if (length < 126) {
            out[offset + 1] = (byte) length;
            return 2;
        }
        if (length <= 0xFFFF) {
            out[offset + 1] = 126;
            out[offset + 2] = (byte) (length >>> 8);
            out[offset + 3] = (byte) length;
            return 4;
        }
        out[offset + 1] = 127;
        for (int i = 0; i < 8; i++) {
            out[offset + 2 + i] = (byte) (length >>> (56 - 8 * i));
        }
        return 10;
    }
}
