package io.jsocketio.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the embedded HTTP server that {@code new Server(port)}, {@code attach(port)} and {@code
 * listen(port)} start (module {@code jsocketio-embedded-jetty}), against clients that hold
 * connections open by sending slowly. Inside a servlet container these are the container's own
 * settings and this record is not used.
 *
 * <ul>
 *   <li>{@code headersTimeout}, default 60 s (Node's {@code server.headersTimeout}): the time a
 *       connection may take to send a request's line and headers, counted from the connection's
 *       opening or the end of its previous response; then the connection is closed. A parked poll
 *       or an open WebSocket is not affected: the headers were complete. {@link Duration#ZERO}
 *       turns the limit off.
 *   <li>{@code minRequestDataRate}, default {@value #DEFAULT_MIN_REQUEST_DATA_RATE} bytes per
 *       second: a request body that arrives more slowly, on average after a 3 s grace, is abandoned
 *       and the connection closed (Node has no such rate; its {@code requestTimeout} bounds the
 *       whole request instead). 0 turns the check off. A body read also ends when its Engine.IO
 *       session ends.
 * </ul>
 *
 * <p>Thread-safety: immutable.
 *
 * @param headersTimeout how long the request line and headers may take; zero for no limit
 * @param minRequestDataRate the slowest accepted request body, in bytes per second; 0 for no check
 */
public record HttpServerOptions(Duration headersTimeout, long minRequestDataRate) {

    /** The default of {@link #minRequestDataRate()}, in bytes per second. */
    public static final long DEFAULT_MIN_REQUEST_DATA_RATE = 64;

    /**
     * Validates the values.
     *
     * @throws IllegalArgumentException when {@code headersTimeout} is negative or {@code
     *     minRequestDataRate} below 0
     */
    public HttpServerOptions {
        Objects.requireNonNull(headersTimeout, "headersTimeout");
        if (headersTimeout.isNegative()) {
            throw new IllegalArgumentException("headersTimeout must not be negative");
        }
        if (minRequestDataRate < 0) {
            throw new IllegalArgumentException("minRequestDataRate must not be negative");
        }
    }

    /** Headers timeout 60 s (Node's), minimum request data rate 64 bytes per second. */
    public static HttpServerOptions defaults() {
        return new HttpServerOptions(Duration.ofSeconds(60), DEFAULT_MIN_REQUEST_DATA_RATE);
    }

    /** These options with another {@code headersTimeout}. */
    public HttpServerOptions withHeadersTimeout(Duration timeout) {
        return new HttpServerOptions(timeout, minRequestDataRate);
    }

    /** These options with another {@code minRequestDataRate}. */
    public HttpServerOptions withMinRequestDataRate(long bytesPerSecond) {
        return new HttpServerOptions(headersTimeout, bytesPerSecond);
    }
}
