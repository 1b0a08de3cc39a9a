package io.jsocketio.examples.chat;

import io.jsocketio.Ack;
import io.jsocketio.Args;
import io.jsocketio.RemoteSocket;
import io.jsocketio.Server;
import io.jsocketio.Socket;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The chat's Socket.IO handlers, on the main namespace. The client's events and what they do:
 *
 * <ul>
 *   <li>{@code auth: {name}} in the handshake: the nickname, kept as the socket's data so that
 *       {@code fetchSockets()} can list the members of a room;
 *   <li>{@code join(room, ack)}, {@code leave(room, ack)}: the room gets a {@code notice} and a new
 *       {@code members} list;
 *   <li>{@code message({room, text}, ack)}: the others in the room get {@code message} (without
 *       ack, so that a page whose connection dropped gets it when it recovers); the sender's ack
 *       (one tick) carries the message id, and {@code delivered} {@code {id, room, count}} (two
 *       ticks) follows each {@code received({id})} a recipient's page answers;
 *   <li>{@code typing({room, typing})}: relayed as a volatile {@code typing} event;
 *   <li>{@code image({room, name, mime}, bytes, ack)}: relayed as {@code image(meta, bytes)}, a
 *       binary attachment.
 * </ul>
 *
 * Rooms are kept apart from socket ids by the prefix {@code room:}.
 *
 * <p>Thread-safety: stateless apart from an atomic message counter; handlers run on each
 * connection's lane.
 */
public final class ChatApp {
    private static final Pattern ROOM = Pattern.compile("[\\p{L}\\p{N}_-]{1,32}");
    private static final Set<String> IMAGE_TYPES =
            Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    private static final int MAX_TEXT = 2000;
    private static final String PREFIX = "room:";
    private static final Map<?, ?> EMPTY = Map.of();

    private final Server io;
    private final AtomicLong ids = new AtomicLong();
    private final Receipts receipts = new Receipts();
    private final Presence presence;

    private ChatApp(Server io) {
        this.io = io;
        this.presence = new Presence(io.options().connectionStateRecovery());
    }

    /** Installs the chat's handlers on {@code io}. */
    public static void install(Server io) {
        ChatApp app = new ChatApp(io);
        io.onConnection(app::connected);
    }

    private void connected(Socket socket) {
        String name = nickname(socket.handshake().auth(), socket.id());
        socket.data(name);
        socket.on("join", (args, ack) -> join(socket, name, args, ack));
        socket.on("leave", (args, ack) -> leave(socket, name, args, ack));
        socket.on("message", (args, ack) -> message(socket, name, args, ack));
        socket.on("received", (args, ack) -> received(args));
        socket.on("typing", (args, ack) -> typing(socket, name, args));
        socket.on("image", (args, ack) -> image(socket, name, args, ack));
        socket.onDisconnecting(
                (reason, description) -> {
                    List<String> rooms =
                            socket.rooms().stream().filter(r -> r.startsWith(PREFIX)).toList();
                    socket.onDisconnect(
                            (r, d) ->
                                    presence.left(
                                            socket,
                                            r,
                                            () -> {
                                                for (String key : rooms) {
                                                    notice(key, name + " disconnected");
                                                    members(key);
                                                }
                                            }));
                });
        presence.connected(socket);
    }

    static String nickname(@Nullable JsonObject auth, String socketId) {
        String given = auth == null ? "" : auth.getString("name", "");
        String name = given.strip().replaceAll("\\s+", " ");
        if (name.length() > 24) {
            name = name.substring(0, 24).strip();
        }
        return name.isEmpty() ? "guest-" + socketId.substring(0, 4) : name;
    }

    private void join(Socket socket, String name, Args args, Ack ack) {
        String room = room(args);
        if (room == null) {
            reply(ack, fields("error", "a room name is 1 to 32 letters, digits, - or _"));
            return;
        }
        String key = PREFIX + room;
        if (socket.rooms().contains(key)) {
            reply(ack, fields("room", room));
            members(key);
            return;
        }
        socket.join(key)
                .thenRun(
                        () -> {
                            reply(ack, fields("room", room));
                            notice(key, name + " joined #" + room);
                            members(key);
                        });
    }

    private void leave(Socket socket, String name, Args args, Ack ack) {
        String room = room(args);
        if (room == null || !socket.rooms().contains(PREFIX + room)) {
            reply(ack, fields("error", "not in that room"));
            return;
        }
        String key = PREFIX + room;
        socket.leave(key)
                .thenRun(
                        () -> {
                            reply(ack, fields("room", room));
                            notice(key, name + " left #" + room);
                            members(key);
                        });
    }

    private void message(Socket socket, String name, Args args, Ack ack) {
        Map<?, ?> in = object(args);
        String room = in.get("room") instanceof String r ? r : "";
        String text = in.get("text") instanceof String t ? t.strip() : "";
        String key = PREFIX + room;
        if (!socket.rooms().contains(key)) {
            reply(ack, fields("error", "join #" + room + " first"));
            return;
        }
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            reply(ack, fields("error", "a message is 1 to " + MAX_TEXT + " characters"));
            return;
        }
        String id = "m" + ids.incrementAndGet();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("room", room);
        out.put("from", name);
        out.put("text", text);
        out.put("time", Instant.now().toString());
        receipts.sent(id, socket.id(), room);
        // the sender's ack goes out first: a member's receipt ("delivered", sent from that
        // member's own thread) must not reach the sender before the ack that names the message
        reply(ack, fields("id", id, "time", out.get("time")));
        socket.to(key).emit("message", out);
    }

    private void received(Args args) {
        Map<?, ?> in = object(args);
        if (in.get("id") instanceof String id) {
            receipts.received(id)
                    .ifPresent(
                            r ->
                                    io.to(r.sender())
                                            .emit(
                                                    "delivered",
                                                    fields(
                                                            "id", id, "room", r.room(), "count",
                                                            r.count())));
        }
    }

    private void typing(Socket socket, String name, Args args) {
        Map<?, ?> in = object(args);
        String room = in.get("room") instanceof String r ? r : "";
        String key = PREFIX + room;
        if (socket.rooms().contains(key)) {
            boolean typing = Boolean.TRUE.equals(in.get("typing"));
            socket.to(key)
                    .asVolatile()
                    .emit("typing", fields("room", room, "name", name, "typing", typing));
        }
    }

    private void image(Socket socket, String name, Args args, Ack ack) {
        Map<?, ?> in = object(args);
        String room = in.get("room") instanceof String r ? r : "";
        String mime = in.get("mime") instanceof String m ? m : "";
        String file = in.get("name") instanceof String f ? f : "image";
        String key = PREFIX + room;
        if (!socket.rooms().contains(key)) {
            reply(ack, fields("error", "join #" + room + " first"));
            return;
        }
        if (args.size() < 2 || !args.isBinary(1) || !IMAGE_TYPES.contains(mime)) {
            reply(ack, fields("error", "send a PNG, JPEG, GIF or WebP image"));
            return;
        }
        byte[] bytes = args.binary(1);
        if (bytes.length > ChatServer.MAX_IMAGE_BYTES) {
            reply(ack, fields("error", "images are limited to 2 MB"));
            return;
        }
        String id = "m" + ids.incrementAndGet();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("id", id);
        meta.put("room", room);
        meta.put("from", name);
        meta.put("name", file.length() > 64 ? file.substring(0, 64) : file);
        meta.put("mime", mime);
        meta.put("time", Instant.now().toString());
        socket.to(key).emit("image", meta, bytes);
        reply(ack, fields("id", id, "time", meta.get("time")));
    }

    /** Sends the room's sorted nicknames to everyone in it. */
    private void members(String key) {
        io.in(key)
                .fetchSockets()
                .thenAccept(
                        sockets -> {
                            List<String> names =
                                    sockets.stream()
                                            .map(ChatApp::nameOf)
                                            .sorted(String.CASE_INSENSITIVE_ORDER)
                                            .collect(Collectors.toList());
                            io.to(key)
                                    .emit(
                                            "members",
                                            fields(
                                                    "room",
                                                    key.substring(PREFIX.length()),
                                                    "members",
                                                    names));
                        });
    }

    private static String nameOf(RemoteSocket socket) {
        return socket.data(String.class).orElse("?");
    }

    private void notice(String key, String text) {
        io.to(key)
                .emit(
                        "notice",
                        fields(
                                "room",
                                key.substring(PREFIX.length()),
                                "text",
                                text,
                                "time",
                                Instant.now().toString()));
    }

    private static @Nullable String room(Args args) {
        if (args.isEmpty()) {
            return null;
        }
        Object value = args.toList().get(0);
        return value instanceof String s && ROOM.matcher(s).matches() ? s : null;
    }

    private static Map<?, ?> object(Args args) {
        return !args.isEmpty() && args.toList().get(0) instanceof Map<?, ?> map ? map : EMPTY;
    }

    /** A JSON object whose keys keep their order on the wire: key, value, key, value... */
    static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static void reply(Ack ack, Object value) {
        if (ack.requested()) {
            ack.send(value);
        }
    }
}
