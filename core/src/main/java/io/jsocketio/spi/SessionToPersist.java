package io.jsocketio.spi;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a socket leaves behind when its connection drops for a recoverable reason and connection
 * state recovery is on (Node's {@code SessionToPersist}): kept by {@link Adapter#persistSession}
 * until the client comes back or {@code maxDisconnectionDuration} passes.
 *
 * <p>Thread-safety: immutable (the data value is whatever the application stored; a cluster adapter
 * serializes it at once).
 *
 * @param sid the socket id
 * @param pid the private session id the client was given in its CONNECT reply
 * @param rooms the socket's rooms, its own id included
 * @param data the socket's data, or null
 */
public record SessionToPersist(String sid, String pid, Set<String> rooms, @Nullable Object data) {

    public SessionToPersist {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(pid, "pid");
        rooms = Collections.unmodifiableSet(new LinkedHashSet<>(rooms));
    }
}
