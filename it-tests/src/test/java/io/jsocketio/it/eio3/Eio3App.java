package io.jsocketio.it.eio3;

import io.jsocketio.Ack;
import io.jsocketio.Args;
import io.jsocketio.ConnectError;
import io.jsocketio.Server;
import io.jsocketio.ServerOptions;
import io.jsocketio.Socket;
import jakarta.json.Json;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The server the tests of this package talk to, on 127.0.0.1 and a free port.
 *
 * <ul>
 *   <li>{@code /}: {@code echo} (data[, ack]) acks with data, else emits {@code echo} back; {@code
 *       join} (room); {@code bcast} (room, data) emits {@code bcast} to the room; {@code whoami}
 *       (ack) acks with {@code {protocol, transport}}.
 *   <li>{@code /secure}: a middleware admits only the handshake whose auth (for 2.x clients: the
 *       namespace query) has {@code token=let-me-in}, else fails with {@code unauthorized}; {@code
 *       /secure-data} fails the same way with the data {@code {"code":401}}. Both emit {@code
 *       welcome} on connection.
 *   <li>{@code /query}: on connection emits {@code query} with the handshake query's {@code token}
 *       and the auth's {@code token}.
 *   <li>{@code ^/dynamic-\d+$}: emits {@code welcome} with the namespace's name.
 * </ul>
 *
 * <p>Thread-safety: the returned server is safe for concurrent use.
 */
final class Eio3App {
    private Eio3App() {}

    static Server start(boolean allowEIO3) {
        Server io =
                new Server(
                        0, ServerOptions.builder().host("127.0.0.1").allowEIO3(allowEIO3).build());
        io.onConnection(
                socket -> {
                    socket.on("echo", (args, ack) -> echo(socket, args, ack));
                    socket.on("join", (args, ack) -> socket.join(args.getString(0)));
                    socket.on(
                            "bcast",
                            (args, ack) ->
                                    io.to(args.getString(0)).emit("bcast", args.toList().get(1)));
                    socket.on(
                            "whoami",
                            (args, ack) ->
                                    ack.send(
                                            Json.createObjectBuilder()
                                                    .add("protocol", socket.conn().protocol())
                                                    .add("transport", socket.conn().transport())
                                                    .build()));
                });
        io.of("/secure")
                .use(
                        (socket, next) -> {
                            if (admitted(socket)) {
                                next.proceed();
                            } else {
                                next.fail(new ConnectError("unauthorized"));
                            }
                        })
                .onConnection(socket -> socket.emit("welcome", "/secure"));
        io.of("/secure-data")
                .use(
                        (socket, next) ->
                                next.fail(new ConnectError("unauthorized", Map.of("code", 401))))
                .onConnection(socket -> socket.emit("welcome", "/secure-data"));
        io.of(
                "/query",
                socket ->
                        socket.emit(
                                "query",
                                socket.handshake().query("token").orElse(""),
                                socket.handshake().auth().getString("token", "")));
        io.of(Pattern.compile("^/dynamic-\\d+$"))
                .onConnection(socket -> socket.emit("welcome", socket.nsp().name()));
        return io;
    }

    static int port(Server io) {
        return io.port().orElseThrow();
    }

    private static boolean admitted(Socket socket) {
        return "let-me-in".equals(socket.handshake().auth().getString("token", null));
    }

    private static void echo(Socket socket, Args args, Ack ack) {
        Object data = args.isEmpty() ? null : args.toList().get(0);
        if (ack.requested()) {
            ack.send(data);
        } else {
            socket.emit("echo", data);
        }
    }
}
