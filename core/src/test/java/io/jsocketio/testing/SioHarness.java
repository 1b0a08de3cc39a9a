package io.jsocketio.testing;

import io.jsocketio.Server;
import io.jsocketio.ServerOptions;
import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.testing.FakeEngineRequest;
import io.jsocketio.engine.testing.ManualScheduler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A {@link Server} driven without transport: sessions are {@link FakeEngineSocket}s handed to a
 * {@link FakeEngineServer} the server is bound to; time is a {@link ManualScheduler}; callbacks run
 * on the calling thread.
 */
public final class SioHarness implements AutoCloseable {
    public final ManualScheduler scheduler = new ManualScheduler();
    public final Server io;
    private final FakeEngineServer engine = new FakeEngineServer();
    private final AtomicInteger sids = new AtomicInteger();

    private SioHarness(UnaryOperator<ServerOptions.Builder> configure) {
        ServerOptions options =
                configure
                        .apply(ServerOptions.builder().executor(Runnable::run).scheduler(scheduler))
                        .build();
        io = new Server(options);
        io.bind(engine);
    }

    public static SioHarness create() {
        return new SioHarness(b -> b);
    }

    public static SioHarness create(UnaryOperator<ServerOptions.Builder> configure) {
        return new SioHarness(configure);
    }

    /** A new Engine.IO v4 session, handed to the server. */
    public FakeEngineSocket open() {
        return open(FakeEngineRequest.get("/socket.io/?EIO=4&transport=websocket"), 4);
    }

    /** A new session for {@code request} speaking Engine.IO {@code protocol}. */
    public FakeEngineSocket open(EngineRequest request, int protocol) {
        FakeEngineSocket conn =
                new FakeEngineSocket("engine-sid-" + sids.incrementAndGet(), request, protocol);
        conn.onLane(() -> engine.connect(conn));
        return conn;
    }

    /** A new session that joined {@code /}; the CONNECT reply is cleared. */
    public FakeEngineSocket connected() {
        FakeEngineSocket conn = open();
        conn.receive("0");
        conn.clearSent();
        return conn;
    }

    /** The socket id in a CONNECT reply such as {@code 40{"sid":"..."}}. */
    public static String sidOf(String connectReply) {
        int start = connectReply.indexOf("{\"sid\":\"") + 8;
        return connectReply.substring(start, connectReply.indexOf('"', start));
    }

    public void advance(Duration d) {
        scheduler.advance(d);
    }

    @Override
    public void close() {
        io.close();
    }
}
