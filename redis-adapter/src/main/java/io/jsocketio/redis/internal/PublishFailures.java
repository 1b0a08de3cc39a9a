package io.jsocketio.redis.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs messages that could not be published: each one at DEBUG, and a WARNING for the first of an
 * outage, then at most one per {@link #QUIET} with how many failed meanwhile, so that an outage
 * under heavy traffic is seen without flooding the log.
 *
 * <p>Thread-safety: safe for concurrent use; never blocks.
 */
final class PublishFailures {
    static final Duration QUIET = Duration.ofSeconds(30);

    private final System.Logger log;
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong nextWarningNanos = new AtomicLong(System.nanoTime());

    PublishFailures(System.Logger log) {
        this.log = log;
    }

    /** One message for {@code channel} was lost because of {@code error}. */
    void onFailure(String channel, Throwable error) {
        failed.incrementAndGet();
        log.log(System.Logger.Level.DEBUG, () -> "publish to " + channel + " failed: " + error);
        long now = System.nanoTime();
        long next = nextWarningNanos.get();
        if (now - next >= 0 && nextWarningNanos.compareAndSet(next, now + QUIET.toNanos())) {
            long count = failed.getAndSet(0);
            log.log(
                    System.Logger.Level.WARNING,
                    () ->
                            count
                                    + " message(s) could not be published since the last such"
                                    + " warning (the last on "
                                    + channel
                                    + ": "
                                    + error
                                    + "); broadcasts reach this server's clients only until"
                                    + " Redis serves the channel again");
        }
    }
}
