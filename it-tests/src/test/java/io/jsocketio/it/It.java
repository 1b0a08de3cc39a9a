package io.jsocketio.it;

import io.jsocketio.Server;
import io.jsocketio.ServerOptions;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/** Shared helpers: servers on 127.0.0.1 port 0, bounded waits. */
final class It {

    /** The bound of every wait: generous, since 2 shared cores run the suite. */
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private It() {}

    /** A server on embedded Jetty, 127.0.0.1, a free port. */
    static Server server() {
        return server(UnaryOperator.identity());
    }

    /** A server on embedded Jetty, 127.0.0.1, a free port, with more options. */
    static Server server(UnaryOperator<ServerOptions.Builder> options) {
        return new Server(0, options.apply(ServerOptions.builder().host("127.0.0.1")).build());
    }

    /** The server's base URL, {@code http://127.0.0.1:<port>}. */
    static String url(Server server) {
        return "http://127.0.0.1:" + server.port().orElseThrow();
    }

    /** The stage's value, waiting at most {@link #TIMEOUT}. */
    static <T> T get(CompletionStage<T> stage)
            throws InterruptedException, ExecutionException, TimeoutException {
        return stage.toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The queue's next value, failing after {@link #TIMEOUT}. */
    static <T> T take(BlockingQueue<T> queue) throws InterruptedException {
        T value = queue.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (value == null) {
            throw new AssertionError("nothing arrived within " + TIMEOUT);
        }
        return value;
    }
}
