package io.jsocketio.internal;

import io.jsocketio.parser.SocketPacket;
import java.util.Set;
import java.util.function.Supplier;

/** Reserved event names and the guarded call of application code. */
final class Events {
    private static final System.Logger LOG = System.getLogger("io.jsocketio.Socket");

    /** Names a namespace may not use for server-side events. */
    static final Set<String> RESERVED_NAMESPACE = Set.of("connect", "connection", "new_namespace");

    private Events() {}

    static void checkEmit(String event) {
        if (SocketPacket.RESERVED_EVENTS.contains(event)) {
            throw new IllegalArgumentException("\"" + event + "\" is a reserved event name");
        }
    }

    static void checkServerSide(String event) {
        if (RESERVED_NAMESPACE.contains(event)) {
            throw new IllegalArgumentException("\"" + event + "\" is a reserved event name");
        }
    }

    /**
     * Runs application code; an exception is logged at WARNING with where it happened and does not
     * propagate.
     */
    static void guard(String namespace, String socketId, String event, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError) {
                throw (Error) e;
            }
            LOG.log(
                    System.Logger.Level.WARNING,
                    (Supplier<String>)
                            () ->
                                    "listener failed: namespace "
                                            + namespace
                                            + ", socket "
                                            + socketId
                                            + ", event "
                                            + event,
                    e);
        }
    }
}
