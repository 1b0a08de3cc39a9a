package io.jsocketio.examples.conformance;

import io.jsocketio.Server;
import io.jsocketio.msgpack.MsgpackParser;

/**
 * The MessagePack endpoint of the conformance server (CONFORMANCE.md section 7): a third Socket.IO
 * server at {@code /msgpack/} whose parser is {@link MsgpackParser}, wire-compatible with npm
 * {@code socket.io-msgpack-parser} 3.x. On its {@code /} namespace: {@code echo} (data[, ack]),
 * {@code join} (room, ack) and {@code bcast} (room, data[, ack]).
 */
public final class MsgpackApp {
    /** The path of the endpoint. */
    public static final String PATH = "/msgpack/";

    private MsgpackApp() {}

    /** The server, not yet mounted; the engine settings are the conformance server's. */
    public static Server create() {
        Server io =
                new Server(
                        ConformanceServer.serverOptions(PATH)
                                .parser(MsgpackParser.create())
                                .build());
        install(io);
        return io;
    }

    /** Installs the handlers on {@code io}'s main namespace. */
    public static void install(Server io) {
        io.onConnection(
                socket -> {
                    socket.on("echo", (args, ack) -> ConformanceApp.echo(socket, args, ack));
                    RecoveryApp.roomHandlers(io, socket);
                });
    }
}
