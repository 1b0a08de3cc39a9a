package io.jsocketio.cdi.internal;

import io.jsocketio.Namespace;
import jakarta.enterprise.inject.spi.Bean;
import java.util.List;

/**
 * Connects a namespace bean's handler methods to a namespace: on each connection, the {@code
 * OnEvent} listeners and {@code OnDisconnect} listener are added to the socket, then the {@code
 * OnConnect} methods run.
 *
 * <p>Thread-safety: stateless; the listeners run on each socket's lane.
 */
final class SocketWiring {
    private SocketWiring() {}

    static void wire(Namespace nsp, Bean<?> bean, List<HandlerMethod> methods, Invoker invoker) {
        nsp.on(
                "connection",
                socket -> {
                    for (HandlerMethod m : methods) {
                        switch (m.kind) {
                            case EVENT ->
                                    socket.on(
                                            m.event,
                                            (args, ack) ->
                                                    invoker.call(
                                                            bean,
                                                            m,
                                                            new HandlerMethod.Call(
                                                                    socket, args, ack, null,
                                                                    null)));
                            case DISCONNECT ->
                                    socket.onDisconnect(
                                            (reason, description) ->
                                                    invoker.call(
                                                            bean,
                                                            m,
                                                            new HandlerMethod.Call(
                                                                    socket,
                                                                    null,
                                                                    null,
                                                                    reason,
                                                                    description)));
                            case CONNECT -> {}
                        }
                    }
                    for (HandlerMethod m : methods) {
                        if (m.kind == HandlerMethod.Kind.CONNECT) {
                            invoker.call(
                                    bean,
                                    m,
                                    new HandlerMethod.Call(socket, null, null, null, null));
                        }
                    }
                });
    }
}
