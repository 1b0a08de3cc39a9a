package io.jsocketio.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One outbound WebSocket message as the engine hands it to a {@link WebSocketPeer}: a text frame or
 * a binary frame. The same instance may be written to many peers.
 *
 * <p>Thread-safety: immutable and safe to share; {@link #binary()} returns an independent view of
 * the shared bytes, and {@link #utf8()} computes the text's UTF-8 bytes once (a benign race).
 */
public final class WebSocketFrame {
    private final @Nullable String text;
    private final @Nullable ByteBuffer binary;
    private byte @Nullable [] utf8;

    private WebSocketFrame(@Nullable String text, @Nullable ByteBuffer binary) {
        this.text = text;
        this.binary = binary;
    }

    /** A text frame. */
    public static WebSocketFrame text(String text) {
        return new WebSocketFrame(Objects.requireNonNull(text, "text"), null);
    }

    /** A binary frame over the remaining bytes of {@code data} (shared, not copied). */
    public static WebSocketFrame binary(ByteBuffer data) {
        return new WebSocketFrame(
                null, Objects.requireNonNull(data, "data").slice().asReadOnlyBuffer());
    }

    /** A binary frame over {@code data} (shared, not copied: do not modify it afterwards). */
    public static WebSocketFrame binary(byte[] data) {
        return binary(ByteBuffer.wrap(data));
    }

    /** Whether this is a text frame. */
    public boolean isText() {
        return text != null;
    }

    /**
     * The text of a text frame.
     *
     * @throws IllegalStateException for a binary frame
     */
    public String text() {
        if (text == null) {
            throw new IllegalStateException("binary frame");
        }
        return text;
    }

    /**
     * The payload of a binary frame, as a new read-only view (position 0).
     *
     * @throws IllegalStateException for a text frame
     */
    public ByteBuffer binary() {
        if (binary == null) {
            throw new IllegalStateException("text frame");
        }
        return binary.duplicate();
    }

    /**
     * The payload as bytes on the wire: the UTF-8 encoding of a text frame (computed once and
     * shared: do not modify the array), or a read-only view of a binary frame's bytes.
     */
    public ByteBuffer payload() {
        if (binary != null) {
            return binary.duplicate();
        }
        byte[] bytes = utf8;
        if (bytes == null) {
            bytes = Objects.requireNonNull(text).getBytes(StandardCharsets.UTF_8);
            utf8 = bytes;
        }
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /** The payload's length in bytes. */
    public int length() {
        return binary != null ? binary.remaining() : payload().remaining();
    }

    @Override
    public String toString() {
        return text != null ? "text(" + text + ")" : "binary(" + binary.remaining() + " bytes)";
    }
}
