package io.jsocketio.internal;

import io.jsocketio.AckCallback;
import io.jsocketio.SocketEmitter;
import io.jsocketio.internal.json.JsonMapping;
import io.jsocketio.spi.BroadcastFlags;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A socket with emit flags: an immutable value. */
record SocketEmitterImpl(SocketImpl socket, BroadcastFlags flags) implements SocketEmitter {

    @Override
    public void emit(String event, Object... args) {
        socket.emit(event, flags, null, args);
    }

    @Override
    public void emit(String event, @Nullable AckCallback ack, Object... args) {
        if (ack == null) {
            socket.emit(event, flags, null, JsonMapping.prepend(null, args));
        } else {
            socket.emit(event, flags, ack, args);
        }
    }

    @Override
    public SocketEmitter timeout(Duration timeout) {
        return new SocketEmitterImpl(socket, flags.withTimeout(checkTimeout(timeout)));
    }

    @Override
    public SocketEmitter asVolatile() {
        return new SocketEmitterImpl(socket, flags.withVolatile());
    }

    @Override
    public SocketEmitter compress(boolean compress) {
        return new SocketEmitterImpl(socket, flags.withCompress(compress));
    }

    static Duration checkTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        return timeout;
    }
}
