package io.jsocketio.engine.parser;

import java.util.List;

/**
 * Thrown by the codecs for input that is not a valid packet or payload. The engine answers it by
 * closing the session with {@code parse error}; it never reaches application code.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public final class PacketFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Packet> decodedBefore;

    /** An exception with the reason. */
    public PacketFormatException(String message) {
        this(message, List.of());
    }

    /**
     * An exception with the reason and the packets of the same payload that were valid and came
     * before the invalid part.
     */
    public PacketFormatException(String message, List<Packet> decodedBefore) {
        super(message, null, false, false);
        this.decodedBefore = List.copyOf(decodedBefore);
    }

    /**
     * The packets of the payload that preceded the invalid part, in order; empty for a single
     * packet. Node's server hands these to the session before it closes it with {@code parse
     * error}; an engine that wants to behave the same delivers them first.
     *
     * @return an unmodifiable list, possibly empty
     */
    public List<Packet> decodedBefore() {
        return decodedBefore == null ? List.of() : decodedBefore;
    }
}
