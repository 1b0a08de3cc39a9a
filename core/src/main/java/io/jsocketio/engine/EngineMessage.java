package io.jsocketio.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The payload of one Engine.IO message packet: either text or binary. Immutable; the same instance
 * may be sent to many sessions (a broadcast is encoded once).
 *
 * <p>Thread-safety: immutable and safe to share. The byte array of a binary message is never copied
 * and must not be modified after construction.
 */
public final class EngineMessage {
    private final String text;
    private final byte[] binary;

    /**
     * The codec's cache of this message's text frame, read and written only by the Engine.IO codec
     * ({@code io.jsocketio.engine.parser}), so that a broadcast is framed once for every recipient.
     */
    @SuppressWarnings("unused")
    private @Nullable String codecFrame;

    private EngineMessage(String text, byte[] binary) {
        this.text = text;
        this.binary = binary;
    }

    /** A text message. */
    public static EngineMessage text(String text) {
        return new EngineMessage(Objects.requireNonNull(text, "text"), null);
    }

    /** A binary message; the array is shared, not copied. */
    public static EngineMessage binary(byte[] data) {
        return new EngineMessage(null, Objects.requireNonNull(data, "data"));
    }

    /** Whether this is a binary message. */
    public boolean isBinary() {
        return binary != null;
    }

    /**
     * The text.
     *
     * @throws IllegalStateException for a binary message
     */
    public String text() {
        if (text == null) {
            throw new IllegalStateException("binary message");
        }
        return text;
    }

    /**
     * The bytes, shared (do not modify).
     *
     * @throws IllegalStateException for a text message
     */
    public byte[] binary() {
        if (binary == null) {
            throw new IllegalStateException("text message");
        }
        return binary;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EngineMessage m
                && Objects.equals(text, m.text)
                && Arrays.equals(binary, m.binary);
    }

    @Override
    public int hashCode() {
        return text != null ? text.hashCode() : Arrays.hashCode(binary);
    }

    @Override
    public String toString() {
        return text != null ? "text(" + text + ")" : "binary(" + binary.length + " bytes)";
    }

    /** The UTF-8 length of a text message, or the byte length of a binary one. */
    public int byteLength() {
        return text != null ? text.getBytes(StandardCharsets.UTF_8).length : binary.length;
    }
}
