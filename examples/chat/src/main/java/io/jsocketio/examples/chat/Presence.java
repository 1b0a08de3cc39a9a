package io.jsocketio.examples.chat;

import io.jsocketio.ConnectionStateRecovery;
import io.jsocketio.DisconnectReason;
import io.jsocketio.Socket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * When to tell a room that someone left. At once when the socket is gone for good; when its
 * connection only dropped and connection state recovery is on, once its session expired, and not at
 * all when it came back (recovered) before: a page that was offline for a moment makes no
 * "left"/"joined" noise.
 *
 * <p>Thread-safety: safe for concurrent use; a deferred notice runs on a timer thread.
 */
final class Presence {
    private final @Nullable ConnectionStateRecovery recovery;
    private final Map<String, CompletableFuture<Void>> away = new ConcurrentHashMap<>();

    Presence(@Nullable ConnectionStateRecovery recovery) {
        this.recovery = recovery;
    }

    /** The socket disconnected for {@code reason}; {@code notice} tells its rooms. */
    void left(Socket socket, DisconnectReason reason, Runnable notice) {
        if (recovery == null || !reason.isRecoverable()) {
            notice.run();
            return;
        }
        CompletableFuture<Void> grace = new CompletableFuture<>();
        away.put(socket.id(), grace);
        grace.completeOnTimeout(
                        null, recovery.maxDisconnectionDuration().toMillis(), TimeUnit.MILLISECONDS)
                .thenRun(
                        () -> {
                            if (away.remove(socket.id(), grace)) {
                                notice.run();
                            }
                        });
    }

    /** A socket connected: when it recovered a session, its rooms are not told it left. */
    void connected(Socket socket) {
        if (socket.recovered()) {
            CompletableFuture<Void> grace = away.remove(socket.id());
            if (grace != null) {
                grace.cancel(false);
            }
        }
    }
}
