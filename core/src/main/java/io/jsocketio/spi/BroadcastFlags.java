package io.jsocketio.spi;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The flags of a broadcast, as Node's adapters carry them ({@code {volatile, compress, local,
 * timeout}}).
 *
 * <p>Thread-safety: immutable.
 *
 * @param isVolatile the packets may be dropped for clients not ready to receive them
 * @param compress the compress flag
 * @param local only the sockets of this server are targeted
 * @param timeout how long acknowledgements are awaited, or null
 */
public record BroadcastFlags(
        boolean isVolatile, boolean compress, boolean local, @Nullable Duration timeout) {

    /** No flag set (compress on, as in Node). */
    public static final BroadcastFlags NONE = new BroadcastFlags(false, true, false, null);

    /** A copy with {@code volatile} set. */
    public BroadcastFlags withVolatile() {
        return new BroadcastFlags(true, compress, local, timeout);
    }

    /** A copy with the compress flag. */
    public BroadcastFlags withCompress(boolean compress) {
        return new BroadcastFlags(isVolatile, compress, local, timeout);
    }

    /** A copy with {@code local} set. */
    public BroadcastFlags withLocal() {
        return new BroadcastFlags(isVolatile, compress, true, timeout);
    }

    /** A copy with a timeout. */
    public BroadcastFlags withTimeout(Duration timeout) {
        return new BroadcastFlags(isVolatile, compress, local, timeout);
    }
}
