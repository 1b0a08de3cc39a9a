package io.jsocketio.jetty.internal;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.jspecify.annotations.Nullable;

/**
 * Fails a request body that arrives more slowly than a minimum rate: once a grace period has passed
 * since its reading began, each time more of it is awaited it must have come at {@code
 * bytesPerSecond} on average ({@code elapsed <= grace + read / rate}). The read then fails with a
 * {@link TimeoutException} and Jetty closes the connection. Jetty's own {@code
 * MinimumDataRateHandler} has no grace, so it also failed a two-byte polling body that arrived 40
 * ms after its headers.
 *
 * <p>Thread-safety: one wrapper per request; Jetty calls {@code demand} and {@code read} serially.
 */
public final class MinimumDataRate extends Handler.Wrapper {
    private final long bytesPerSecond;
    private final long graceNanos;

    /**
     * A check of {@code bytesPerSecond} (positive) after {@code grace}.
     *
     * @param handler the handlers behind it
     */
    public MinimumDataRate(long bytesPerSecond, Duration grace, Handler handler) {
        super(handler);
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("bytesPerSecond must be positive");
        }
        this.bytesPerSecond = bytesPerSecond;
        this.graceNanos = grace.toNanos();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(new Checked(request), response, callback);
    }

    private final class Checked extends Request.Wrapper {
        private long started; // 0 until the first demand
        private long read;
        private Content.@Nullable Chunk failure;

        Checked(Request request) {
            super(request);
        }

        @Override
        public void demand(Runnable demandCallback) {
            long now = NanoTime.now();
            if (started == 0) {
                started = now == 0 ? 1 : now;
            } else if (tooSlow(now)) {
                failure = Content.Chunk.from(new TimeoutException("request body too slow"));
                demandCallback.run();
                return;
            }
            super.demand(demandCallback);
        }

        private boolean tooSlow(long now) {
            long elapsed = now - started;
            long allowed = graceNanos + read * 1_000_000_000L / bytesPerSecond;
            return elapsed > allowed;
        }

        @Override
        public Content.@Nullable Chunk read() {
            if (failure != null) {
                return failure;
            }
            Content.Chunk chunk = super.read();
            if (chunk != null) {
                read += chunk.remaining();
            }
            return chunk;
        }
    }
}
