package io.jsocketio.admin;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the session ids given to the UI after a successful login ({@code session} event), so that a
 * reload of the UI (which connects again with {@code auth: {sessionId}}) needs no new login. The
 * default keeps them in memory for the life of the server; in a cluster, give every server a store
 * on shared storage.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use and must not block.
 */
public interface SessionStore {

    /** Whether the session id was saved. */
    CompletionStage<Boolean> exists(String sessionId);

    /** Saves a session id. */
    void save(String sessionId);

    /** A store in this server's memory. */
    static SessionStore inMemory() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        return new SessionStore() {
            @Override
            public CompletionStage<Boolean> exists(String sessionId) {
                return CompletableFuture.completedFuture(ids.contains(sessionId));
            }

            @Override
            public void save(String sessionId) {
                ids.add(sessionId);
            }
        };
    }
}
