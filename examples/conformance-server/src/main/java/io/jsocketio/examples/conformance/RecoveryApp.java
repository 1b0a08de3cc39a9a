package io.jsocketio.examples.conformance;

import io.jsocketio.Server;
import io.jsocketio.Socket;
import jakarta.json.Json;
import java.time.Duration;

/**
 * The connection state recovery endpoint of the conformance server (CONFORMANCE.md section 6): a
 * second Socket.IO server at {@code /recovery/} with recovery on ({@code maxDisconnectionDuration}
 * 2 s, middlewares skipped), written against the public API only.
 */
public final class RecoveryApp {
    /** The path of the endpoint. */
    public static final String PATH = "/recovery/";

    private RecoveryApp() {}

    /** The server, not yet mounted; the engine settings are the conformance server's. */
    public static Server create() {
        Server io =
                new Server(
                        ConformanceServer.serverOptions(PATH)
                                .serveClient(false)
                                .connectionStateRecovery(Duration.ofMillis(2000), true)
                                .build());
        install(io);
        return io;
    }

    /** Installs the handlers on {@code io}'s main namespace. */
    public static void install(Server io) {
        io.onConnection(socket -> handlers(io, socket));
    }

    private static void handlers(Server io, Socket socket) {
        socket.on(
                "whoami",
                (args, ack) ->
                        ack.send(
                                Json.createObjectBuilder()
                                        .add("id", socket.id())
                                        .add("recovered", socket.recovered())
                                        .build()));
        roomHandlers(io, socket);
        socket.on("drop", (args, ack) -> socket.conn().close());
    }

    /**
     * {@code join} (room, ack): joins, then acks {@code true}; {@code bcast} (room, data[, ack]):
     * emits {@code bcast} with {@code data} to the room on this server, then acks {@code true} when
     * asked. Shared with {@link MsgpackApp}.
     */
    static void roomHandlers(Server io, Socket socket) {
        socket.on(
                "join",
                (args, ack) -> socket.join(args.getString(0)).thenRun(() -> ack.send(true)));
        socket.on(
                "bcast",
                (args, ack) -> {
                    io.to(args.getString(0)).emit("bcast", args.toList().get(1));
                    if (ack.requested()) {
                        ack.send(true);
                    }
                });
    }
}
