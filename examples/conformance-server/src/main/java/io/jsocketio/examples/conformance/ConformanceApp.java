package io.jsocketio.examples.conformance;

import io.jsocketio.Ack;
import io.jsocketio.Args;
import io.jsocketio.ConnectError;
import io.jsocketio.Namespace;
import io.jsocketio.Server;
import io.jsocketio.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Socket.IO behaviour of the conformance server (CONFORMANCE.md sections 3 to 5), written
 * against the public API only; the conformance server installs the same handlers.
 */
public final class ConformanceApp {
    private ConformanceApp() {}

    /** Installs every namespace and handler on {@code io}. */
    public static void install(Server io) {
        io.onConnection(
                socket -> {
                    socket.emit("auth", socket.handshake().auth());
                    mainHandlers(io.sockets(), socket);
                });
        io.of("/custom", socket -> socket.emit("auth", socket.handshake().auth()));
        io.of("/secure")
                .use(
                        (socket, next) -> {
                            if ("let-me-in"
                                    .equals(socket.handshake().auth().getString("token", null))) {
                                next.proceed();
                            } else {
                                next.fail(new ConnectError("unauthorized", Map.of("code", 401)));
                            }
                        })
                .onConnection(socket -> socket.emit("welcome", "/secure"));
        io.of(Pattern.compile("^/dynamic-\\d+$"))
                .onConnection(
                        socket -> {
                            socket.emit("welcome", socket.nsp().name());
                            socket.on("echo", (args, ack) -> echo(socket, args, ack));
                        });
    }

    private static Object[] all(Args args) {
        return args.toList().toArray();
    }

    /**
     * The BENCH {@code echo} (data[, ack]): acks with {@code data} when asked, else emits {@code
     * echo} with it back. Shared with {@link MsgpackApp}.
     */
    static void echo(Socket socket, Args args, Ack ack) {
        Object data = args.isEmpty() ? null : args.toList().get(0);
        if (ack.requested()) {
            ack.send(data);
        } else {
            socket.emit("echo", data);
        }
    }

    private static void mainHandlers(Namespace nsp, Socket socket) {
        socket.on("message", (args, ack) -> socket.emit("message-back", all(args)));
        socket.on("message-with-ack", (args, ack) -> ack.send(all(args)));
        socket.on("echo", (args, ack) -> echo(socket, args, ack));
        socket.on("join", (args, ack) -> socket.join(args.getString(0)));
        socket.on("leave", (args, ack) -> socket.leave(args.getString(0)));
        socket.on(
                "bcast",
                (args, ack) -> nsp.to(args.getString(0)).emit("bcast", args.toList().get(1)));
        socket.on(
                "bcast-except",
                (args, ack) ->
                        nsp.to(args.getString(0))
                                .except(args.getString(1))
                                .emit("bcast", args.toList().get(2)));
        socket.on("rooms", (args, ack) -> ack.send(new ArrayList<>(socket.rooms())));
        socket.on(
                "ask",
                (args, ack) ->
                        socket.timeout(Duration.ofMillis(2000))
                                .emit(
                                        "question",
                                        (error, answer) ->
                                                socket.emit(
                                                        "answer",
                                                        error != null || answer.isEmpty()
                                                                ? Map.of("error", "timeout")
                                                                : answer.toList().get(0)),
                                        args.toList().get(0)));
        socket.on("disconnect-me", (args, ack) -> socket.disconnect());
        socket.on(
                "room-size",
                (args, ack) ->
                        nsp.in(args.getString(0))
                                .fetchSockets()
                                .thenAccept(list -> ack.send(list.size())));
    }
}
