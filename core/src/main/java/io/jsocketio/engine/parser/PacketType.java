package io.jsocketio.engine.parser;

/**
 * The Engine.IO packet types, with their wire digit.
 *
 * <p>Thread-safety: immutable.
 */
public enum PacketType {
    OPEN,
    CLOSE,
    PING,
    PONG,
    MESSAGE,
    UPGRADE,
    NOOP;

    /** The wire digit, {@code '0'} for OPEN to {@code '6'} for NOOP. */
    public char code() {
        return (char) ('0' + ordinal());
    }

    /** The type with this wire digit, or null. */
    public static @org.jspecify.annotations.Nullable PacketType fromCode(char c) {
        int i = c - '0';
        return i >= 0 && i < values().length ? values()[i] : null;
    }
}
