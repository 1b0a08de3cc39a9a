package io.jsocketio.redis.internal;

import io.jsocketio.Args;
import io.jsocketio.RemoteSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The answers this server awaits for one of its requests (as the Node adapter counts them: one
 * answer per other server, {@code PUBSUB NUMSUB} of the request channel giving the servers).
 *
 * <p>Thread-safety: answers may arrive on any thread; the state is guarded by {@code lock}, which
 * is released before {@link #result} completes.
 *
 * @param <T> the result type
 */
public abstract class Pending<T> {
    public final CompletableFuture<T> result = new CompletableFuture<>();
    final Object lock = new Object();

    /** Takes one answer; true when it was the last one awaited (the result is then complete). */
    public abstract boolean onResponse(Map<String, @Nullable Object> response);

    /** Fails the result: the requests timeout elapsed. */
    public abstract void timeout(String what);

    /** {@code fetchSockets}: this server's sockets, then those of each other server. */
    public static final class Fetch extends Pending<List<RemoteSocket>> {
        private final int numSub;
        private final Function<@Nullable Object, @Nullable RemoteSocket> reader;
        private int msgCount = 1; // guarded by lock
        private final List<RemoteSocket> sockets; // guarded by lock

        public Fetch(
                int numSub,
                List<RemoteSocket> mine,
                Function<@Nullable Object, @Nullable RemoteSocket> reader) {
            this.numSub = numSub;
            this.reader = reader;
            this.sockets = new ArrayList<>(mine);
        }

        @Override
        public boolean onResponse(Map<String, @Nullable Object> response) {
            List<RemoteSocket> done;
            synchronized (lock) {
                msgCount++;
                if (response.get("sockets") instanceof List<?> list) {
                    for (Object o : list) {
                        RemoteSocket s = reader.apply(o);
                        if (s != null) {
                            sockets.add(s);
                        }
                    }
                }
                if (msgCount < numSub) {
                    return false;
                }
                done = List.copyOf(sockets);
            }
            result.complete(done);
            return true;
        }

        @Override
        public void timeout(String what) {
            result.completeExceptionally(
                    new TimeoutException(
                            "timeout reached while waiting for " + what + " response"));
        }
    }

    /** {@code serverSideEmitWithAck}: one acknowledgement per other server. */
    public static final class Emit extends Pending<List<Args>> {
        private final int numSub;
        private final String key;
        private final Function<@Nullable Object, Args> reader;
        private final List<Args> responses = new ArrayList<>(); // guarded by lock

        /**
         * @param numSub the answers awaited
         * @param key the answer's field holding the acknowledgement value
         */
        public Emit(int numSub, String key, Function<@Nullable Object, Args> reader) {
            this.numSub = numSub;
            this.key = key;
            this.reader = reader;
        }

        @Override
        public boolean onResponse(Map<String, @Nullable Object> response) {
            List<Args> done;
            synchronized (lock) {
                responses.add(reader.apply(response.get(key)));
                if (responses.size() < numSub) {
                    return false;
                }
                done = List.copyOf(responses);
            }
            result.complete(done);
            return true;
        }

        @Override
        public void timeout(String what) {
            int got;
            synchronized (lock) {
                got = responses.size();
            }
            result.completeExceptionally(
                    new TimeoutException(
                            "timeout reached: only "
                                    + got
                                    + " responses received out of "
                                    + numSub));
        }
    }
}
