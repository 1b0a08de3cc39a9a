package io.jsocketio.engine;

import java.util.Optional;

/**
 * The Engine.IO transports, with their wire names.
 *
 * <p>Thread-safety: immutable.
 */
public enum TransportType {
    /** HTTP long-polling. */
    POLLING("polling"),
    /** WebSocket. */
    WEBSOCKET("websocket");

    private final String wireName;

    TransportType(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the {@code transport} query parameter. */
    public String wireName() {
        return wireName;
    }

    /** The transport with this wire name. */
    public static Optional<TransportType> fromWireName(String name) {
        for (TransportType t : values()) {
            if (t.wireName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
