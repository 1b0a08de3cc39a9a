package io.jsocketio.spi;

import io.jsocketio.parser.SocketPacket;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A session found again by {@link Adapter#restoreSession} (Node's {@code Session}): what the socket
 * had, and the packets it missed since the offset the client reported.
 *
 * <p>Thread-safety: immutable.
 *
 * @param sid the socket id
 * @param pid the private session id
 * @param rooms the socket's rooms, its own id included
 * @param data the socket's data as it was persisted (a cluster adapter returns JSON), or null
 * @param missedPackets EVENT packets of the namespace, each with its offset as last argument, in
 *     the order they were broadcast, already filtered by {@link #rooms}
 */
public record Session(
        String sid,
        String pid,
        Set<String> rooms,
        @Nullable Object data,
        List<SocketPacket> missedPackets) {

    public Session {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(pid, "pid");
        rooms = Collections.unmodifiableSet(new LinkedHashSet<>(rooms));
        missedPackets = List.copyOf(missedPackets);
    }
}
