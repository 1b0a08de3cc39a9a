package io.jsocketio.admin.internal;

import io.jsocketio.Args;
import io.jsocketio.BroadcastOperator;
import io.jsocketio.Server;
import io.jsocketio.Socket;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the UI may do ({@code emit}, {@code join}, {@code leave}, {@code _disconnect}, each with a
 * namespace and an optional room filter, a socket id for one socket), done through the namespace's
 * adapter so that, in a cluster, it reaches the sockets of every server.
 *
 * <p>Thread-safety: stateless; handlers run on the admin socket's lane.
 */
public final class Actions {
    private static final System.Logger LOG = System.getLogger(Actions.class.getName());

    /** The features announced in {@code config} when actions are allowed. */
    public static final List<String> FEATURES =
            List.of("EMIT", "JOIN", "LEAVE", "DISCONNECT", "MJOIN", "MLEAVE", "MDISCONNECT");

    private Actions() {}

    /** Registers the handlers on an admin socket. */
    public static void register(Server io, Socket admin) {
        admin.on(
                "emit",
                (args, ack) -> {
                    if (args.size() < 3) {
                        return;
                    }
                    List<Object> all = args.toList();
                    String event = args.getString(2);
                    Object[] payload = all.subList(3, all.size()).toArray();
                    LOG.log(System.Logger.Level.DEBUG, "admin: emit {0}", event);
                    target(io, args, 1).emit(event, payload);
                });
        admin.on(
                "join",
                (args, ack) -> {
                    if (args.size() >= 2) {
                        target(io, args, 2).socketsJoin(args.getString(1));
                    }
                });
        admin.on(
                "leave",
                (args, ack) -> {
                    if (args.size() >= 2) {
                        target(io, args, 2).socketsLeave(args.getString(1));
                    }
                });
        admin.on(
                "_disconnect",
                (args, ack) -> {
                    if (args.size() >= 2) {
                        boolean close = Boolean.TRUE.equals(args.get(1, Boolean.class));
                        target(io, args, 2).disconnectSockets(close);
                    }
                });
    }

    /** {@code io.of(nsp)}, restricted to the room filter at {@code filterAt} when given. */
    private static BroadcastOperator target(Server io, Args args, int filterAt) {
        String nsp = args.getString(0);
        String filter = filterAt < args.size() ? nullable(args, filterAt) : null;
        BroadcastOperator all = io.of(nsp);
        return filter == null || filter.isEmpty() ? all : all.in(filter);
    }

    private static @Nullable String nullable(Args args, int i) {
        return args.get(i, String.class);
    }
}
