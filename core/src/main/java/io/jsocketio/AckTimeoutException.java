package io.jsocketio;

import java.time.Duration;
import java.util.List;

/**
 * An acknowledgement did not arrive within the {@code timeout(d)} given to the emit ({@code
 * "operation has timed out"} in Node). For a broadcast, {@link #responses()} holds the
 * acknowledgements that did arrive.
 *
 * <p>Thread-safety: immutable.
 */
public class AckTimeoutException extends SocketIoException {
    private static final long serialVersionUID = 1L;

    private final transient List<Args> responses;
    private final Duration timeout;

    /** A timeout after {@code timeout} with the responses that arrived in time. */
    public AckTimeoutException(Duration timeout, List<Args> responses) {
        super("operation has timed out");
        this.timeout = timeout;
        this.responses = List.copyOf(responses);
    }

    /** The timeout that expired. */
    public Duration timeout() {
        return timeout;
    }

    /** The acknowledgements that arrived in time (broadcasts only; empty otherwise). */
    public List<Args> responses() {
        return responses;
    }
}
