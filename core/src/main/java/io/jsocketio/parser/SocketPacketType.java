package io.jsocketio.parser;

/**
 * The Socket.IO packet types, with their wire digit (protocol v5; v4 uses the same digits and calls
 * CONNECT_ERROR "ERROR").
 *
 * <p>Thread-safety: immutable.
 */
public enum SocketPacketType {
    CONNECT,
    DISCONNECT,
    EVENT,
    ACK,
    CONNECT_ERROR,
    BINARY_EVENT,
    BINARY_ACK;

    /** The wire digit. */
    public char code() {
        return (char) ('0' + ordinal());
    }

    /** Whether packets of this type carry binary attachments. */
    public boolean isBinary() {
        return this == BINARY_EVENT || this == BINARY_ACK;
    }
}
