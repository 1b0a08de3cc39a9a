package io.jsocketio.jetty.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jspecify.annotations.Nullable;

/**
 * Node's {@code headersTimeout} for Jetty, which has none: a connection must deliver a complete
 * request line and headers within the timeout, counted from its opening and again from the end of
 * each response; otherwise it is closed. Jetty's idle timeout does not cover this, since a client
 * sending one byte every few seconds is never idle.
 *
 * <p>Two parts: as a {@link Connection.Listener} (a bean of the connector) it arms a timer for
 * every new connection and forgets the connection when it closes; as the outermost {@link Handler}
 * it disarms the timer when a request reaches the handlers (the headers are complete) and arms it
 * again when that request's response is done. A connection upgraded to WebSocket is forgotten when
 * Jetty replaces its HTTP connection.
 *
 * <p>Thread-safety: safe for concurrent use; the map of armed timers is concurrent, each timer
 * checks on expiry that the connection is still the one it was armed for.
 */
public final class HeadersTimeout extends Handler.Wrapper implements Connection.Listener {
    private static final Logger LOG = System.getLogger(HeadersTimeout.class.getName());

    private final long timeoutMillis;
    private final Scheduler scheduler;
    private final Map<Connection, Scheduler.Task> armed = new ConcurrentHashMap<>();

    /**
     * A timeout of {@code timeout} (positive), timed by {@code scheduler} (the connector's).
     *
     * @param handler the handlers behind it
     */
    public HeadersTimeout(Duration timeout, Scheduler scheduler, Handler handler) {
        super(handler);
        this.timeoutMillis = timeout.toMillis();
        this.scheduler = scheduler;
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    @Override
    public void onOpened(Connection connection) {
        arm(connection);
    }

    @Override
    public void onClosed(Connection connection) {
        disarm(connection);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Connection connection = request.getConnectionMetaData().getConnection();
        disarm(connection);
        // armed again before the response completes: a next request on this connection, which
        // Jetty may handle as soon as it completes, then finds the timer armed and disarms it
        Callback rearming =
                Callback.from(
                        () -> {
                            if (connection.getEndPoint().isOpen()
                                    && connection.getEndPoint().getConnection() == connection) {
                                arm(connection);
                            }
                        },
                        callback);
        return super.handle(request, response, rearming);
    }

    /** How many connections are waiting for request headers now. */
    public int waiting() {
        return armed.size();
    }

    private void arm(Connection connection) {
        Scheduler.Task task =
                scheduler.schedule(() -> expire(connection), timeoutMillis, TimeUnit.MILLISECONDS);
        Scheduler.@Nullable Task previous = armed.put(connection, task);
        if (previous != null) {
            previous.cancel();
        }
    }

    private void disarm(Connection connection) {
        Scheduler.@Nullable Task task = armed.remove(connection);
        if (task != null) {
            task.cancel();
        }
    }

    private void expire(Connection connection) {
        if (armed.remove(connection) == null) {
            return;
        }
        EndPoint endPoint = connection.getEndPoint();
        if (endPoint.getConnection() != connection) {
            return; // upgraded: the headers of its last request were complete
        }
        LOG.log(
                Level.DEBUG,
                () ->
                        "no complete request headers within "
                                + timeoutMillis
                                + " ms from "
                                + endPoint.getRemoteSocketAddress()
                                + "; closing");
        endPoint.close();
    }
}
