package io.jsocketio.spi;

import io.jsocketio.parser.SocketPacket;
import io.jsocketio.parser.SocketPacketType;
import java.util.Set;

/**
 * The rules of connection state recovery that every session-aware adapter applies the same way, as
 * Node's adapters do.
 *
 * <p>Thread-safety: stateless.
 */
public final class Sessions {
    private Sessions() {}

    /**
     * Whether a broadcast packet can be replayed to a client that missed it: an event without
     * acknowledgement (the callback cannot travel), not volatile. Such a packet carries its offset
     * as its last argument.
     */
    public static boolean isReplayable(SocketPacket packet, BroadcastOptions opts) {
        SocketPacketType type = packet.type();
        return (type == SocketPacketType.EVENT || type == SocketPacketType.BINARY_EVENT)
                && packet.id() == null
                && !opts.flags().isVolatile();
    }

    /**
     * Whether a packet broadcast with {@code opts} was meant for a socket in {@code sessionRooms}:
     * it targeted all sockets or one of those rooms, and excluded none of them.
     */
    public static boolean includes(Set<String> sessionRooms, BroadcastOptions opts) {
        boolean included =
                opts.rooms().isEmpty() || sessionRooms.stream().anyMatch(opts.rooms()::contains);
        return included && sessionRooms.stream().noneMatch(opts.except()::contains);
    }
}
