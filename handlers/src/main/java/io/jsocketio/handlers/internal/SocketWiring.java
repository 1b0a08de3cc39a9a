package io.jsocketio.handlers.internal;

import io.jsocketio.Ack;
import io.jsocketio.Middleware;
import io.jsocketio.Namespace;
import io.jsocketio.Next;
import io.jsocketio.Socket;
import io.jsocketio.handlers.HandlerBean;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Connects a namespace bean to a namespace: its middleware (when the bean is one), and on each
 * connection its {@code OnEvent} listeners and {@code OnDisconnect} listener, then its {@code
 * OnConnect} methods. Each call goes through {@link HandlerBean#call}; a method's result
 * acknowledges the event; an exception is logged with namespace, socket id and event, and the
 * socket survives.
 *
 * <p>Thread-safety: stateless; the listeners run on each socket's lane.
 */
public final class SocketWiring {
    private static final Logger LOG = System.getLogger(SocketWiring.class.getName());

    private SocketWiring() {}

    /** Adds the bean as middleware of the namespace. */
    public static void middleware(Namespace nsp, HandlerBean bean) {
        nsp.use((socket, next) -> middleware(bean, socket, next));
    }

    /** Adds the bean's handler methods to every socket that joins the namespace. */
    public static void wire(Namespace nsp, HandlerBean bean, List<HandlerMethod> methods) {
        nsp.on(
                "connection",
                socket -> {
                    for (HandlerMethod m : methods) {
                        switch (m.kind()) {
                            case EVENT ->
                                    socket.on(
                                            m.event(),
                                            (args, ack) ->
                                                    call(
                                                            bean,
                                                            m,
                                                            new HandlerMethod.Call(
                                                                    socket, args, ack, null,
                                                                    null)));
                            case DISCONNECT ->
                                    socket.onDisconnect(
                                            (reason, description) ->
                                                    call(
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
                        if (m.kind() == HandlerMethod.Kind.CONNECT) {
                            call(bean, m, new HandlerMethod.Call(socket, null, null, null, null));
                        }
                    }
                });
    }

    /** Calls {@code method} of {@code bean}; acknowledges with its result when it returns one. */
    static void call(HandlerBean bean, HandlerMethod method, HandlerMethod.Call call) {
        try {
            bean.call(
                    call.socket(),
                    instance -> {
                        Object result;
                        try {
                            result = method.invoke(instance, call);
                        } catch (InvocationTargetException e) {
                            failed(method, call.socket(), e.getCause());
                            return;
                        } catch (IllegalAccessException e) {
                            failed(method, call.socket(), e);
                            return;
                        }
                        Ack ack = call.ack();
                        if (method.acksWithReturn() && ack != null) {
                            acknowledge(result, ack, method, call.socket());
                        }
                    });
        } catch (RuntimeException e) {
            failed(method, call.socket(), e);
        }
    }

    private static void middleware(HandlerBean bean, Socket socket, Next next) {
        try {
            bean.call(socket, instance -> ((Middleware) instance).handle(socket, next));
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    () ->
                            "middleware "
                                    + bean.type().getName()
                                    + " failed in namespace "
                                    + socket.nsp().name()
                                    + " for socket "
                                    + socket.id(),
                    e);
            next.fail(e);
        }
    }

    private static void acknowledge(
            @Nullable Object result, Ack ack, HandlerMethod method, Socket socket) {
        if (!ack.requested()) {
            return;
        }
        if (result instanceof CompletionStage<?> stage) {
            stage.whenComplete(
                    (value, error) -> {
                        if (error == null) {
                            ack.send(value);
                        } else {
                            failed(method, socket, error);
                        }
                    });
        } else {
            ack.send(result);
        }
    }

    private static void failed(HandlerMethod method, Socket socket, Throwable error) {
        LOG.log(
                Level.WARNING,
                () ->
                        HandlerMethod.describe(method.method())
                                + " failed in namespace "
                                + socket.nsp().name()
                                + " for socket "
                                + socket.id()
                                + (method.event() == null ? "" : " on event " + method.event()),
                error);
    }
}
