package io.jsocketio.spi;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which sockets a broadcast (or a {@code fetchSockets}, {@code socketsJoin}...) selects: those in
 * any of {@code rooms} (every socket of the namespace when empty), minus those in any of {@code
 * except}. A socket's own id is a room holding only that socket.
 *
 * <p>Thread-safety: immutable. The sets keep their iteration order.
 *
 * @param rooms the target rooms, empty for all
 * @param except the excluded rooms
 * @param flags the flags
 */
public record BroadcastOptions(Set<String> rooms, Set<String> except, BroadcastFlags flags) {

    public BroadcastOptions {
        rooms = Collections.unmodifiableSet(new LinkedHashSet<>(rooms));
        except = Collections.unmodifiableSet(new LinkedHashSet<>(except));
        Objects.requireNonNull(flags, "flags");
    }

    /** Every socket, no flag. */
    public static BroadcastOptions all() {
        return new BroadcastOptions(Set.of(), Set.of(), BroadcastFlags.NONE);
    }
}
