package io.jsocketio.admin.internal;

import io.jsocketio.ServerObserver;
import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.EngineSocket;
import java.util.List;

/**
 * Feeds the {@link EventBuffer} from the engine sessions, as Node's admin-ui does from the engine's
 * events: {@code rawConnection} per new session, {@code rawDisconnection} with the close reason,
 * and {@code packetsIn/Out}, {@code bytesIn/Out} per message (bytes: the UTF-8 length of a text
 * message, the length of a binary one, as {@code Buffer.byteLength}).
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class Traffic implements ServerObserver {
    private final EventBuffer buffer;
    private final Runnable onFirstConnection;

    Traffic(EventBuffer buffer, Runnable onFirstConnection) {
        this.buffer = buffer;
        this.onFirstConnection = onFirstConnection;
    }

    @Override
    public void onConnection(EngineSocket conn) {
        onFirstConnection.run();
        buffer.push("rawConnection", null, 1);
        conn.onMessage(
                m -> {
                    buffer.push("packetsIn", null, 1);
                    buffer.push("bytesIn", null, byteLength(m));
                });
        conn.onClose((reason, description) -> buffer.push("rawDisconnection", reason.wire(), 1));
    }

    @Override
    public void onMessagesOut(EngineSocket conn, List<EngineMessage> messages) {
        long bytes = 0;
        for (EngineMessage m : messages) {
            bytes += byteLength(m);
        }
        buffer.push("packetsOut", null, messages.size());
        buffer.push("bytesOut", null, bytes);
    }

    private static long byteLength(EngineMessage m) {
        return ServerObserver.byteLength(m);
    }
}
