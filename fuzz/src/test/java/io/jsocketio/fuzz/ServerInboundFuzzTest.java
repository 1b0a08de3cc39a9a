package io.jsocketio.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jsocketio.Server;
import io.jsocketio.ServerOptions;
import io.jsocketio.engine.EngineServer;
import io.jsocketio.engine.testing.FakeWebSocketPeer;
import io.jsocketio.engine.testing.ManualScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The server's whole inbound path over one WebSocket session (real engine and Socket.IO layer,
 * in-memory peer, lanes run inline): the fuzzed frames follow the open packet and may carry any
 * CONNECT payload, namespace, event, ack or attachment. Nothing may escape the transport's
 * callbacks, and nothing may be logged above {@code DEBUG} or with a stack trace.
 */
class ServerInboundFuzzTest {
    private static final Logger ROOT = Logger.getLogger("io.jsocketio");
    private static final List<LogRecord> BAD = new ArrayList<>();
    private static final Server IO = start();

    private static Server start() {
        ROOT.setLevel(Level.FINE);
        ROOT.addHandler(
                new Handler() {
                    @Override
                    public void publish(LogRecord r) {
                        if (r.getLevel().intValue() > Level.FINE.intValue()
                                || r.getThrown() != null) {
                            synchronized (BAD) {
                                BAD.add(r);
                            }
                        }
                    }

                    @Override
                    public void flush() {}

                    @Override
                    public void close() {}
                });
        ManualScheduler scheduler = new ManualScheduler();
        Server io =
                new Server(
                        ServerOptions.builder()
                                .executor(Runnable::run)
                                .scheduler(scheduler)
                                .cleanupEmptyChildNamespaces(true)
                                .build());
        io.bind(EngineServer.create(io.options().engineOptions()));
        io.onConnection(
                s -> {
                    s.on("echo", (args, ack) -> ack.send(args.size()));
                    s.onAny((event, args) -> s.emit("seen", event));
                });
        io.of("/admin").onConnection(s -> s.join("admins"));
        io.of(Pattern.compile("^/dyn-\\d+$")).onConnection(s -> s.emit("welcome", s.nsp().name()));
        return io;
    }

    @FuzzTest(maxDuration = "4h", maxExecutions = Budget.EXECUTIONS)
    void framesAfterTheHandshake(FuzzedDataProvider data) {
        FakeWebSocketPeer peer =
                FakeWebSocketPeer.to("/socket.io/?EIO=4&transport=websocket").open(IO.engine());
        while (data.remainingBytes() > 0 && !peer.isClosed()) {
            if (data.consumeBoolean()) {
                peer.receive("4" + data.consumeString(300));
            } else {
                peer.receive(data.consumeBytes(64));
            }
        }
        if (!peer.isClosed()) {
            peer.clientClose(1000);
        }
        synchronized (BAD) {
            if (!BAD.isEmpty()) {
                LogRecord r = BAD.get(0);
                BAD.clear();
                throw new AssertionError(
                        "logged " + r.getLevel() + ": " + r.getMessage(), r.getThrown());
            }
        }
    }
}
