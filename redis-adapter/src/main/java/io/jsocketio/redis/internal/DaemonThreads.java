package io.jsocketio.redis.internal;

import java.util.concurrent.ThreadFactory;

/**
 * The threads of the Redis adapters: named, daemon (they never keep a JVM alive).
 *
 * <p>Thread-safety: stateless.
 */
final class DaemonThreads {
    private DaemonThreads() {}

    /** A factory of daemon threads called {@code name}. */
    static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
