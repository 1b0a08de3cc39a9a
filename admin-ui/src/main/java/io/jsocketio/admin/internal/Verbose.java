package io.jsocketio.admin.internal;

import io.jsocketio.Args;
import io.jsocketio.Namespace;
import io.jsocketio.ServerObserver;
import io.jsocketio.Socket;
import io.jsocketio.spi.RoomListener;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The events of development mode, sent to the admin namespace as they happen: {@code
 * socket_connected}, {@code socket_updated} (a transport change, seen at each stats tick), {@code
 * socket_disconnected}, {@code room_joined}, {@code room_left}, {@code event_received}, {@code
 * event_sent}. Events of the admin namespace's own sockets are not reported, as in Node.
 *
 * <p>Thread-safety: safe for concurrent use; callbacks come from connection lanes.
 */
final class Verbose implements ServerObserver {
    private final Namespace admin;
    private final Clock clock;
    private final Map<Socket, String> transports = new ConcurrentHashMap<>();
    private final Map<Namespace, Boolean> watched = new ConcurrentHashMap<>();

    Verbose(Namespace admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    /** Watches the rooms of a namespace (once per namespace). */
    void watch(Namespace nsp) {
        if (watched.putIfAbsent(nsp, Boolean.TRUE) != null) {
            return;
        }
        String name = nsp.name();
        nsp.adapter()
                .addRoomListener(
                        new RoomListener() {
                            @Override
                            public void onJoinRoom(String room, String socketId) {
                                admin.emit("room_joined", name, room, socketId, now());
                            }

                            @Override
                            public void onLeaveRoom(String room, String socketId) {
                                admin.emit("room_left", name, room, socketId, now());
                            }
                        });
    }

    @Override
    public void onSocketConnect(Socket socket) {
        String nsp = socket.nsp().name();
        transports.put(socket, socket.conn().transport());
        admin.emit("socket_connected", Serializer.socket(socket, nsp), now());
        if (socket.nsp() != admin) {
            socket.onAny(
                    (event, args) ->
                            admin.emit(
                                    "event_received", nsp, socket.id(), list(event, args), now()));
            socket.onAnyOutgoing(
                    (event, args) ->
                            admin.emit("event_sent", nsp, socket.id(), list(event, args), now()));
        }
        socket.onDisconnect(
                (reason, description) -> {
                    transports.remove(socket);
                    admin.emit("socket_disconnected", nsp, socket.id(), reason.wire(), now());
                });
    }

    /** Sends {@code socket_updated} for every socket whose transport changed since last time. */
    void checkTransports() {
        transports.forEach(
                (socket, last) -> {
                    String current = socket.conn().transport();
                    if (!current.equals(last) && transports.replace(socket, last, current)) {
                        Map<String, Object> update = new LinkedHashMap<>();
                        update.put("id", socket.id());
                        update.put("nsp", socket.nsp().name());
                        update.put("transport", current);
                        admin.emit("socket_updated", update);
                    }
                });
    }

    private static List<Object> list(String event, Args args) {
        List<Object> all = new ArrayList<>(args.size() + 1);
        all.add(event);
        all.addAll(args.toList());
        return all;
    }

    private String now() {
        return Serializer.date(clock.instant());
    }
}
