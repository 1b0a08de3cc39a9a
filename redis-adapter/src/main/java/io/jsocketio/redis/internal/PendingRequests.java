package io.jsocketio.redis.internal;

import io.jsocketio.Args;
import io.jsocketio.engine.Scheduler;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The requests one namespace adapter sent and still awaits answers for, with their timeouts: the
 * broadcasts with acknowledgements (answered by client counts and acks) and the requests answered
 * once per other server ({@code fetchSockets}, {@code serverSideEmitWithAck}). The Redis adapters
 * keep theirs here; only the wire forms of the answers differ between them.
 *
 * <p>Thread-safety: safe for concurrent use; answers may arrive on any thread. Each request's state
 * is guarded by its own lock ({@link Pending}), never held while calling out.
 */
public final class PendingRequests {
    private final Scheduler scheduler;
    private final Map<String, Pending<?>> requests = new ConcurrentHashMap<>();
    private final Map<String, AckRequest> ackRequests = new ConcurrentHashMap<>();

    public PendingRequests(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Registers a broadcast with acks; forgotten after {@code timeout}. */
    public void registerAck(
            String requestId, Duration timeout, IntConsumer clientCount, Consumer<Args> ack) {
        ackRequests.put(requestId, new AckRequest(clientCount, ack));
        scheduler.schedule(timeout, () -> ackRequests.remove(requestId));
    }

    /** Whether {@code requestId} is a broadcast with acks that this adapter sent. */
    public boolean ownsAck(String requestId) {
        return ackRequests.containsKey(requestId);
    }

    /** A server's count of the clients its part of broadcast {@code requestId} reached. */
    public void onClientCount(String requestId, int count) {
        AckRequest request = ackRequests.get(requestId);
        if (request != null) {
            request.clientCount().accept(count);
        }
    }

    /** A client's acknowledgement of broadcast {@code requestId}. */
    public void onAck(String requestId, Args args) {
        AckRequest request = ackRequests.get(requestId);
        if (request != null) {
            request.ack().accept(args);
        }
    }

    /**
     * Registers {@code pending} under {@code requestId}, failing it when {@code timeout} elapses
     * first. Publish the request after this call.
     */
    public <T> CompletableFuture<T> await(
            String requestId, Pending<T> pending, Duration timeout, String what) {
        requests.put(requestId, pending);
        Scheduler.Cancellable timer =
                scheduler.schedule(
                        timeout,
                        () -> {
                            if (requests.remove(requestId) != null) {
                                pending.timeout(what);
                            }
                        });
        CompletableFuture<T> result = pending.result;
        result.whenComplete((r, e) -> timer.cancel());
        return result;
    }

    /** One server's answer to request {@code requestId}; ignored when it is not awaited. */
    public void onAnswer(String requestId, Map<String, @Nullable Object> answer) {
        Pending<?> pending = requests.get(requestId);
        if (pending != null && pending.onResponse(answer)) {
            requests.remove(requestId);
        }
    }

    private record AckRequest(IntConsumer clientCount, Consumer<Args> ack) {}
}
