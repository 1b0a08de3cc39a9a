package io.jsocketio.jetty.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses the frames a WebSocket client sends (RFC 6455 section 5) and hands whole messages and
 * control frames to a {@link Listener}. No extension is negotiated, so the RSV bits must be clear;
 * client frames must be masked; control frames are at most 125 bytes and never fragmented; a text
 * message must be UTF-8 (checked as its fragments arrive); a data message, alone or assembled from
 * continuation frames, may not exceed the size limit, which is checked from each frame's header,
 * before its payload is read. A violation throws {@link ProtocolViolation} with the close code to
 * fail the connection with (1002, 1007 or 1009).
 *
 * <p>A frame whose header and payload are both in the buffer is unmasked in place and delivered
 * from it; anything else is copied piecewise into a message buffer that grows with what arrived
 * (never to more than the limit). After a close frame the parser takes nothing more.
 *
 * <p>Thread-safety: not thread-safe; one instance per connection, used by its reading thread.
 */
final class FrameParser {
    /** Receives what the parser found, on the parsing thread, in wire order. */
    interface Listener {
        /** A whole text message. */
        void onText(String text);

        /** A whole binary message. */
        void onBinary(byte[] data);

        /** A ping, with its payload (at most 125 bytes). */
        void onPing(byte[] payload);

        /** A pong. */
        void onPong(byte[] payload);

        /** A close frame; {@code code} is 1005 when it carried none. */
        void onCloseFrame(int code, String reason);
    }

    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    /** 1005: reported for a close frame without a code (never sent). */
    static final int NO_STATUS = 1005;

    private static final int MAX_CONTROL_PAYLOAD = 125;
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long maxMessageSize;
    private final Listener listener;
    private final Utf8Validator utf8 = new Utf8Validator();

    // the frame being read (state PAYLOAD)
    private boolean inPayload;
    private boolean fin;
    private int opcode;
    private long left; // payload bytes of this frame not read yet
    private final byte[] mask = new byte[4];
    private int maskIndex; // payload bytes of this frame read so far, modulo 4

    // the data message being assembled (opcode TEXT or BINARY while one is open)
    private int messageOpcode;
    private long messageLength;
    private byte[] message = new byte[0];
    private int messageSize;

    private final byte[] control = new byte[MAX_CONTROL_PAYLOAD];
    private int controlSize;
    private boolean closed;

    /**
     * A parser for one connection.
     *
     * @param maxMessageSize the largest data message accepted, in bytes
     */
    FrameParser(long maxMessageSize, Listener listener) {
        this.maxMessageSize = Math.min(maxMessageSize, Integer.MAX_VALUE - 8);
        this.listener = listener;
    }

    /** Whether a close frame was parsed: nothing more is taken. */
    boolean isClosed() {
        return closed;
    }

    /**
     * Parses what {@code buffer} holds (a writable heap buffer: payloads are unmasked in place),
     * calling the listener for each message and control frame. Returns when the buffer is empty,
     * holds only the start of a frame header (left in the buffer for the next call, with more bytes
     * after it), or after a close frame.
     */
    void parse(ByteBuffer buffer) throws ProtocolViolation {
        while (!closed && buffer.hasRemaining()) {
            if (!inPayload) {
                if (tryWholeFrame(buffer)) {
                    continue;
                }
                if (!parseHeader(buffer)) {
                    return;
                }
            }
            readPayload(buffer);
        }
    }

    /**
     * The fast path: an unfragmented data frame wholly in the buffer is unmasked in place and
     * delivered from it. Returns false (having consumed nothing) when it does not apply.
     */
    private boolean tryWholeFrame(ByteBuffer buffer) throws ProtocolViolation {
        int remaining = buffer.remaining();
        if (remaining < 6 || messageOpcode != 0) {
            return false;
        }
        int p = buffer.position();
        byte b0 = buffer.get(p);
        int op = b0 & 0x0F;
        if ((b0 & 0xF0) != 0x80 || (op != TEXT && op != BINARY)) {
            return false; // not final, RSV set, or not a data frame: the general path decides
        }
        int len7 = buffer.get(p + 1) & 0xFF;
        if ((len7 & 0x80) == 0) {
            return false; // unmasked: the general path refuses it
        }
        len7 &= 0x7F;
        int headerLength;
        long length;
        if (len7 < 126) {
            headerLength = 6;
            length = len7;
        } else if (len7 == 126 && remaining >= 8) {
            headerLength = 8;
            length = buffer.getShort(p + 2) & 0xFFFF;
        } else {
            return false;
        }
        if (length > maxMessageSize || remaining - headerLength < length) {
            return false;
        }
        byte[] array = buffer.array();
        int start = buffer.arrayOffset() + p + headerLength;
        int n = (int) length;
        buffer.get(p + headerLength - 4, mask, 0, 4);
        unmask(array, start, n, mask, 0);
        buffer.position(p + headerLength + n);
        if (op == TEXT) {
            if (!Utf8Validator.isValid(array, start, n)) {
                throw new ProtocolViolation(ProtocolViolation.BAD_DATA, "text is not UTF-8");
            }
            listener.onText(new String(array, start, n, StandardCharsets.UTF_8));
        } else {
            listener.onBinary(Arrays.copyOfRange(array, start, start + n));
        }
        return true;
    }

    /** Reads a whole header, or leaves the buffer as it is and returns false. */
    private boolean parseHeader(ByteBuffer buffer) throws ProtocolViolation {
        int remaining = buffer.remaining();
        if (remaining < 2) {
            return false;
        }
        int p = buffer.position();
        int b0 = buffer.get(p) & 0xFF;
        int b1 = buffer.get(p + 1) & 0xFF;
        int len7 = b1 & 0x7F;
        int extended = len7 == 127 ? 8 : len7 == 126 ? 2 : 0;
        if (remaining < 2 + extended + 4) {
            checkStart(b0, b1); // fail early on what is already known to be wrong
            return false;
        }
        checkStart(b0, b1);
        long length;
        if (len7 == 127) {
            length = buffer.getLong(p + 2);
            if (length < 0) {
                throw new ProtocolViolation(
                        ProtocolViolation.PROTOCOL_ERROR, "payload length over 2^63");
            }
        } else if (len7 == 126) {
            length = buffer.getShort(p + 2) & 0xFFFF;
        } else {
            length = len7;
        }
        fin = (b0 & 0x80) != 0;
        opcode = b0 & 0x0F;
        if (opcode < CLOSE) {
            if (length > maxMessageSize - messageLength) {
                throw new ProtocolViolation(ProtocolViolation.TOO_BIG, "message too big");
            }
            if (opcode != CONTINUATION) {
                messageOpcode = opcode;
            }
            messageLength += length;
        } else {
            controlSize = 0;
        }
        buffer.get(p + 2 + extended, mask, 0, 4);
        buffer.position(p + 2 + extended + 4);
        left = length;
        maskIndex = 0;
        inPayload = true;
        return true;
    }

    /** The checks the first two header bytes allow. */
    private void checkStart(int b0, int b1) throws ProtocolViolation {
        if ((b0 & 0x70) != 0) {
            throw new ProtocolViolation(
                    ProtocolViolation.PROTOCOL_ERROR, "RSV bits set without an extension");
        }
        int op = b0 & 0x0F;
        boolean last = (b0 & 0x80) != 0;
        switch (op) {
            case CONTINUATION -> {
                if (messageOpcode == 0) {
                    throw new ProtocolViolation(
                            ProtocolViolation.PROTOCOL_ERROR, "continuation without a message");
                }
            }
            case TEXT, BINARY -> {
                if (messageOpcode != 0) {
                    throw new ProtocolViolation(
                            ProtocolViolation.PROTOCOL_ERROR,
                            "new message inside a fragmented one");
                }
            }
            case CLOSE, PING, PONG -> {
                if (!last) {
                    throw new ProtocolViolation(
                            ProtocolViolation.PROTOCOL_ERROR, "fragmented control frame");
                }
                if ((b1 & 0x7F) > MAX_CONTROL_PAYLOAD) {
                    throw new ProtocolViolation(
                            ProtocolViolation.PROTOCOL_ERROR, "control frame over 125 bytes");
                }
            }
            default ->
                    throw new ProtocolViolation(
                            ProtocolViolation.PROTOCOL_ERROR, "unknown opcode " + op);
        }
        if ((b1 & 0x80) == 0) {
            throw new ProtocolViolation(ProtocolViolation.PROTOCOL_ERROR, "unmasked client frame");
        }
    }

    /** Takes what the buffer holds of the current payload; completes the frame when all came. */
    private void readPayload(ByteBuffer buffer) throws ProtocolViolation {
        int n = (int) Math.min(left, buffer.remaining());
        if (n > 0) {
            byte[] array = buffer.array();
            int start = buffer.arrayOffset() + buffer.position();
            unmask(array, start, n, mask, maskIndex);
            maskIndex = (maskIndex + n) & 3;
            buffer.position(buffer.position() + n);
            left -= n;
            if (opcode >= CLOSE) {
                System.arraycopy(array, start, control, controlSize, n);
                controlSize += n;
            } else {
                if (messageOpcode == TEXT && !utf8.accept(array, start, n)) {
                    throw new ProtocolViolation(ProtocolViolation.BAD_DATA, "text is not UTF-8");
                }
                append(array, start, n);
            }
        }
        if (left == 0) {
            inPayload = false;
            frameComplete();
        }
    }

    private void append(byte[] array, int start, int n) {
        int needed = messageSize + n;
        if (needed > message.length) {
            long grown = Math.max(needed, Math.min(2L * message.length, maxMessageSize));
            message = Arrays.copyOf(message, (int) grown);
        }
        System.arraycopy(array, start, message, messageSize, n);
        messageSize = needed;
    }

    private void frameComplete() throws ProtocolViolation {
        switch (opcode) {
            case PING -> listener.onPing(Arrays.copyOf(control, controlSize));
            case PONG -> listener.onPong(Arrays.copyOf(control, controlSize));
            case CLOSE -> close();
            default -> {
                if (fin) {
                    messageComplete();
                }
            }
        }
    }

    private void messageComplete() throws ProtocolViolation {
        int op = messageOpcode;
        byte[] bytes = message;
        int size = messageSize;
        messageOpcode = 0;
        messageLength = 0;
        messageSize = 0;
        message = new byte[0]; // an idle connection keeps no message buffer
        if (op == TEXT) {
            boolean complete = utf8.isComplete();
            utf8.reset();
            if (!complete) {
                throw new ProtocolViolation(ProtocolViolation.BAD_DATA, "text is not UTF-8");
            }
            listener.onText(new String(bytes, 0, size, StandardCharsets.UTF_8));
        } else {
            listener.onBinary(size == bytes.length ? bytes : Arrays.copyOf(bytes, size));
        }
    }

    private void close() throws ProtocolViolation {
        closed = true;
        if (controlSize == 0) {
            listener.onCloseFrame(NO_STATUS, "");
            return;
        }
        if (controlSize == 1) {
            throw new ProtocolViolation(
                    ProtocolViolation.PROTOCOL_ERROR, "close payload of 1 byte");
        }
        int code = ((control[0] & 0xFF) << 8) | (control[1] & 0xFF);
        if (!isValidCloseCode(code)) {
            throw new ProtocolViolation(
                    ProtocolViolation.PROTOCOL_ERROR, "invalid close code " + code);
        }
        if (!Utf8Validator.isValid(control, 2, controlSize - 2)) {
            throw new ProtocolViolation(ProtocolViolation.BAD_DATA, "close reason is not UTF-8");
        }
        listener.onCloseFrame(
                code, new String(control, 2, controlSize - 2, StandardCharsets.UTF_8));
    }

    /** The codes a close frame may carry (as Node's {@code ws} accepts them). */
    static boolean isValidCloseCode(int code) {
        return (code >= 1000 && code <= 1014 && code != 1004 && code != 1005 && code != 1006)
                || (code >= 3000 && code <= 4999);
    }

    /**
     * XORs {@code bytes[start, start + n)} with the masking key, the first byte with key byte
     * {@code phase}; eight bytes at a time where it can.
     */
    static void unmask(byte[] bytes, int start, int n, byte[] key, int phase) {
        if ((key[0] | key[1] | key[2] | key[3]) == 0) {
            return;
        }
        int i = 0;
        if (n >= 8) {
            long k = 0;
            for (int j = 7; j >= 0; j--) {
                k = (k << 8) | (key[(phase + j) & 3] & 0xFF);
            }
            for (; i + 8 <= n; i += 8) {
                LONGS.set(bytes, start + i, (long) LONGS.get(bytes, start + i) ^ k);
            }
        }
        for (; i < n; i++) {
            bytes[start + i] ^= key[(phase + i) & 3];
        }
    }
}
