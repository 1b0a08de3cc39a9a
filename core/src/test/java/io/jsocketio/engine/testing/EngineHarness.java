package io.jsocketio.engine.testing;

import io.jsocketio.engine.ConnectionError;
import io.jsocketio.engine.EngineOptions;
import io.jsocketio.engine.EngineServer;
import io.jsocketio.engine.EngineSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An engine wired for deterministic tests: a {@link ManualScheduler}, lanes that run inline on the
 * calling thread, recorders of {@code connection} and {@code connection_error}, and shorthands for
 * the requests of a client ({@link #handshake()}, {@link #poll}, {@link #post}, {@link
 * #webSocket}).
 *
 * <p>Thread-safety: meant for one test thread.
 */
public final class EngineHarness implements AutoCloseable {
    private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");

    /** The engine's clock. */
    public final ManualScheduler scheduler = new ManualScheduler();

    /** The engine. */
    public final EngineServer engine;

    /** Every session announced by {@code connection}, in order. */
    public final List<EngineSocket> connections = Collections.synchronizedList(new ArrayList<>());

    /** Every refusal reported by {@code connection_error}, in order. */
    public final List<ConnectionError> errors = Collections.synchronizedList(new ArrayList<>());

    private EngineHarness(EngineOptions options) {
        engine =
                EngineServer.create(
                        options.toBuilder().scheduler(scheduler).executor(Runnable::run).build());
        engine.onConnection(connections::add);
        engine.onConnectionError(errors::add);
    }

    /**
     * An engine with the defaults changed by {@code configure}; the {@link ManualScheduler} and an
     * inline lane executor replace whatever {@code configure} set for those two.
     */
    public static EngineHarness create(UnaryOperator<EngineOptions.Builder> configure) {
        return new EngineHarness(configure.apply(EngineOptions.builder()).build());
    }

    /** An engine with the defaults. */
    public static EngineHarness create() {
        return create(b -> b);
    }

    /** An engine that echoes every message back, with the defaults changed by {@code configure}. */
    public static EngineHarness echo(UnaryOperator<EngineOptions.Builder> configure) {
        EngineHarness h = create(configure);
        h.engine.onConnection(s -> s.onMessage(s::send));
        return h;
    }

    /** The engine's path with this query, e.g. {@code url("EIO=4&transport=polling")}. */
    public String url(String query) {
        return engine.options().path() + "?" + query;
    }

    /** Hands the exchange to the engine and returns it. */
    public FakePollingExchange handle(FakePollingExchange exchange) {
        engine.handleRequest(exchange);
        return exchange;
    }

    /** Opens a session by polling and returns its id. */
    public String handshake() {
        FakePollingExchange ex = handle(FakePollingExchange.get(url("EIO=4&transport=polling")));
        if (ex.status() != 200) {
            throw new AssertionError("handshake refused: " + ex.status() + " " + ex.body());
        }
        return sidOf(ex.body());
    }

    /** The {@code sid} of an open packet. */
    public static String sidOf(String openPacket) {
        Matcher m = SID.matcher(openPacket);
        if (!m.find()) {
            throw new AssertionError("no sid in " + openPacket);
        }
        return m.group(1);
    }

    /** A polling GET for {@code sid} (possibly parked: check {@code responded()}). */
    public FakePollingExchange poll(String sid) {
        return handle(FakePollingExchange.get(url("EIO=4&transport=polling&sid=" + sid)));
    }

    /** A polling POST of {@code body} for {@code sid}. */
    public FakePollingExchange post(String sid, String body) {
        return handle(FakePollingExchange.post(url("EIO=4&transport=polling&sid=" + sid), body));
    }

    /** A WebSocket opened with this query. */
    public FakeWebSocketPeer webSocket(String query) {
        return FakeWebSocketPeer.to(url(query)).open(engine);
    }

    /** Moves the clock. */
    public void advanceMillis(long millis) {
        scheduler.advanceMillis(millis);
    }

    @Override
    public void close() {
        engine.close();
    }
}
