package io.jsocketio.parser;

/**
 * The Socket.IO protocol revision a client speaks, derived from its Engine.IO protocol.
 *
 * <p>The packet encoding is the same in both revisions (Node's server uses one parser for both);
 * what differs is what some packets carry, which {@link SocketPacket#connect} and {@link
 * SocketPacket#connectError} take care of:
 *
 * <ul>
 *   <li>V5 (Engine.IO 4, socket.io-client 3.x and later): CONNECT answers carry {@code {sid}},
 *       CONNECT_ERROR carries {@code {message, data}}, clients connect to {@code /} explicitly and
 *       send auth as the CONNECT payload.
 *   <li>V4 (Engine.IO 3, socket.io-client 1.x/2.x, only with {@code allowEIO3}): CONNECT answers
 *       carry nothing, CONNECT_ERROR (then called ERROR) carries a plain value (the error's data,
 *       else its message as a JSON string), the {@code /} namespace is joined implicitly, and a
 *       client's CONNECT may carry a query in its namespace ({@code /admin?token=1}) instead of a
 *       payload.
 * </ul>
 *
 * <p>Thread-safety: immutable.
 */
public enum ProtocolVersion {
    /** Socket.IO protocol v4, spoken over Engine.IO 3. */
    V4,
    /** Socket.IO protocol v5, spoken over Engine.IO 4. */
    V5;

    /**
     * The revision spoken over an Engine.IO protocol revision (3 or 4).
     *
     * @throws IllegalArgumentException for other revisions
     */
    public static ProtocolVersion forEngineProtocol(int engineProtocol) {
        return switch (engineProtocol) {
            case 3 -> V4;
            case 4 -> V5;
            default ->
                    throw new IllegalArgumentException(
                            "no Socket.IO protocol for Engine.IO " + engineProtocol);
        };
    }
}
