package io.jsocketio.internal;

import io.jsocketio.AckCallback;
import io.jsocketio.AnyListener;
import io.jsocketio.BroadcastOperator;
import io.jsocketio.DisconnectListener;
import io.jsocketio.ErrorListener;
import io.jsocketio.EventListener;
import io.jsocketio.EventMiddleware;
import io.jsocketio.Socket;
import io.jsocketio.SocketEmitter;
import io.jsocketio.spi.BroadcastFlags;
import io.jsocketio.spi.LocalSocket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The plumbing of a socket that does not touch its lifecycle: listener registration, emit flags and
 * broadcast operators. {@link SocketImpl} adds the state machine and packet handling.
 */
abstract class SocketBase implements Socket, LocalSocket {
    /** The listeners and middlewares; read by {@link SocketImpl} on the lane. */
    final SocketListeners listeners = new SocketListeners();

    /** The socket without flags, as an emitter. */
    abstract SocketEmitterImpl emitter();

    @Override
    public abstract NamespaceImpl nsp();

    @Override
    public abstract String id();

    // ---- emitting

    @Override
    public void emit(String event, Object... args) {
        emitter().emit(event, args);
    }

    @Override
    public void emit(String event, @Nullable AckCallback ack, Object... args) {
        emitter().emit(event, ack, args);
    }

    @Override
    public SocketEmitter timeout(Duration timeout) {
        return emitter().timeout(timeout);
    }

    @Override
    public SocketEmitter asVolatile() {
        return emitter().asVolatile();
    }

    @Override
    public SocketEmitter compress(boolean compress) {
        return emitter().compress(compress);
    }

    // ---- broadcasting

    @Override
    public BroadcastOperator broadcast() {
        return new BroadcastOperatorImpl(nsp(), Set.of(), Set.of(id()), BroadcastFlags.NONE);
    }

    // ---- listeners

    @Override
    public Socket on(String event, EventListener listener) {
        listeners.add(
                Objects.requireNonNull(event, "event"),
                Objects.requireNonNull(listener, "listener"),
                false);
        return this;
    }

    @Override
    public Socket once(String event, EventListener listener) {
        listeners.add(
                Objects.requireNonNull(event, "event"),
                Objects.requireNonNull(listener, "listener"),
                true);
        return this;
    }

    @Override
    public Socket off(String event, EventListener listener) {
        listeners.remove(event, listener);
        return this;
    }

    @Override
    public Socket off(String event) {
        listeners.removeAll(event);
        switch (event) {
            case "disconnecting" -> listeners.disconnecting.clear();
            case "disconnect" -> listeners.disconnect.clear();
            case "error" -> listeners.error.clear();
            default -> {}
        }
        return this;
    }

    @Override
    public Socket removeAllListeners() {
        listeners.removeAll();
        return this;
    }

    @Override
    public List<EventListener> listeners(String event) {
        return listeners.listeners(event);
    }

    @Override
    public Socket use(EventMiddleware middleware) {
        listeners.middlewares.add(Objects.requireNonNull(middleware, "middleware"));
        return this;
    }

    @Override
    public Socket onAny(AnyListener listener) {
        listeners.any.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public Socket prependAny(AnyListener listener) {
        listeners.any.prepend(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public Socket offAny(AnyListener listener) {
        listeners.any.remove(listener);
        return this;
    }

    @Override
    public Socket offAny() {
        listeners.any.clear();
        return this;
    }

    @Override
    public List<AnyListener> listenersAny() {
        return listeners.any.snapshot();
    }

    @Override
    public Socket onAnyOutgoing(AnyListener listener) {
        listeners.anyOutgoing.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public Socket prependAnyOutgoing(AnyListener listener) {
        listeners.anyOutgoing.prepend(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public Socket offAnyOutgoing(AnyListener listener) {
        listeners.anyOutgoing.remove(listener);
        return this;
    }

    @Override
    public Socket offAnyOutgoing() {
        listeners.anyOutgoing.clear();
        return this;
    }

    @Override
    public List<AnyListener> listenersAnyOutgoing() {
        return listeners.anyOutgoing.snapshot();
    }

    @Override
    public Socket onDisconnecting(DisconnectListener listener) {
        listeners.disconnecting.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public Socket onDisconnect(DisconnectListener listener) {
        listeners.disconnect.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public Socket onError(ErrorListener listener) {
        listeners.error.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }
}
