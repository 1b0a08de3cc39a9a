package io.jsocketio.internal;

import io.jsocketio.Next;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs a middleware chain (namespace or per-event) for one connection: each middleware gets a
 * {@link Next} that may be called from any thread; the chain always continues on the connection's
 * lane. The first failure short-circuits.
 */
final class Chain {
    private static final System.Logger LOG = System.getLogger(Chain.class.getName());

    /** Calls one middleware. */
    @FunctionalInterface
    interface Step<M> {
        void invoke(M middleware, Next next);
    }

    private Chain() {}

    /**
     * Runs {@code middlewares} (a snapshot) in order, then {@code done} on the lane with null or
     * the first failure.
     */
    static <M> void run(
            List<M> middlewares,
            Step<M> step,
            ClientImpl client,
            Consumer<@Nullable Exception> done) {
        if (middlewares.isEmpty()) {
            done.accept(null);
            return;
        }
        runAt(0, List.copyOf(middlewares), step, client, done);
    }

    private static <M> void runAt(
            int i,
            List<M> fns,
            Step<M> step,
            ClientImpl client,
            Consumer<@Nullable Exception> done) {
        NextImpl next =
                new NextImpl(
                        client,
                        error -> {
                            if (error != null || i + 1 == fns.size()) {
                                done.accept(error);
                            } else {
                                runAt(i + 1, fns, step, client, done);
                            }
                        });
        try {
            step.invoke(fns.get(i), next);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "middleware threw; failing the chain", e);
            next.fail(e);
        }
    }

    /** A {@link Next} whose first call continues the chain on the lane. */
    static final class NextImpl implements Next {
        private final ClientImpl client;
        private final Consumer<@Nullable Exception> continuation;
        private final AtomicBoolean called = new AtomicBoolean();

        NextImpl(ClientImpl client, Consumer<@Nullable Exception> continuation) {
            this.client = client;
            this.continuation = continuation;
        }

        @Override
        public void proceed() {
            complete(null);
        }

        @Override
        public void fail(Exception error) {
            complete(Objects.requireNonNull(error, "error"));
        }

        private void complete(@Nullable Exception error) {
            if (!called.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.DEBUG, "next called twice; ignored");
                return;
            }
            client.runOnLane(() -> continuation.accept(error));
        }
    }
}
