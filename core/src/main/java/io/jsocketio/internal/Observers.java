package io.jsocketio.internal;

import io.jsocketio.ServerObserver;
import io.jsocketio.Socket;
import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.EngineSocket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The {@link ServerObserver}s of one server and their guarded calls: an observer that throws is
 * logged at WARNING and the others still run. With no observer each call is one empty-list check.
 *
 * <p>Thread-safety: safe for concurrent use (copy-on-write list).
 */
final class Observers {
    private static final System.Logger LOG = System.getLogger(ServerObserver.class.getName());

    private final List<ServerObserver> observers = new CopyOnWriteArrayList<>();

    void add(ServerObserver observer) {
        observers.add(Objects.requireNonNull(observer, "observer"));
    }

    void connection(EngineSocket conn) {
        each(o -> o.onConnection(conn));
    }

    void messagesOut(EngineSocket conn, List<EngineMessage> messages) {
        each(o -> o.onMessagesOut(conn, messages));
    }

    void socketConnect(Socket socket) {
        each(o -> o.onSocketConnect(socket));
    }

    void connectError(EngineSocket conn, String namespace, String message) {
        each(o -> o.onConnectError(conn, namespace, message));
    }

    void ack(Socket socket, long sentNanos) {
        if (!observers.isEmpty()) {
            Duration latency = Duration.ofNanos(System.nanoTime() - sentNanos);
            each(o -> o.onAck(socket, latency));
        }
    }

    void ackTimeout(Socket socket, Duration timeout) {
        each(o -> o.onAckTimeout(socket, timeout));
    }

    private void each(Consumer<ServerObserver> call) {
        if (observers.isEmpty()) {
            return;
        }
        for (ServerObserver o : observers) {
            try {
                call.accept(o);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "server observer " + o + " failed", e);
            }
        }
    }
}
