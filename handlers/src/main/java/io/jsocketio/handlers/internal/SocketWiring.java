package io.jsocketio.handlers.internal;

import io.jsocketio.Ack;
import io.jsocketio.Middleware;
import io.jsocketio.Namespace;
import io.jsocketio.Next;
import io.jsocketio.Socket;
import io.jsocketio.handlers.HandlerBean;
import jakarta.json.JsonObject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Adds the bean's handler methods to every socket that joins the namespace: an event whose
     * method has {@code @RolesAllowed}/{@code @DenyAll} is refused to other users, and with a
     * {@code validation} a {@code @Valid} payload that fails is refused (the ack, when asked, says
     * why; the method is not called).
     */
    public static void wire(
            Namespace nsp,
            HandlerBean bean,
            List<HandlerMethod> methods,
            @Nullable PayloadValidation validation) {
        Map<HandlerMethod, Access> guarded = new HashMap<>();
        for (HandlerMethod m : methods) {
            Access access = m.kind() == HandlerMethod.Kind.EVENT ? Access.of(m.method()) : null;
            if (access != null) {
                guarded.put(m, access);
            }
        }
        nsp.onConnection(
                socket -> {
                    for (HandlerMethod m : methods) {
                        switch (m.kind()) {
                            case EVENT ->
                                    socket.on(
                                            m.event(),
                                            (args, ack) -> {
                                                Access access = guarded.get(m);
                                                if (access != null && !access.allows(socket)) {
                                                    refused(m, socket, ack, Access.FORBIDDEN);
                                                    return;
                                                }
                                                call(
                                                        bean,
                                                        m,
                                                        new HandlerMethod.Call(
                                                                socket, args, ack, null, null),
                                                        validation);
                                            });
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
                                                                    description),
                                                            null));
                            case CONNECT -> {}
                        }
                    }
                    for (HandlerMethod m : methods) {
                        if (m.kind() == HandlerMethod.Kind.CONNECT) {
                            call(
                                    bean,
                                    m,
                                    new HandlerMethod.Call(socket, null, null, null, null),
                                    null);
                        }
                    }
                });
    }

    /**
     * Calls {@code method} of {@code bean} (after validating its payloads, when {@code validation}
     * is given); acknowledges with its result when it returns one.
     */
    static void call(
            HandlerBean bean,
            HandlerMethod method,
            HandlerMethod.Call call,
            @Nullable PayloadValidation validation) {
        try {
            bean.call(
                    call.socket(),
                    instance -> {
                        Object result;
                        try {
                            Object[] values = method.bind(call);
                            if (validation != null) {
                                JsonObject invalid = validation.violations(method.method(), values);
                                if (invalid != null) {
                                    refused(method, call.socket(), call.ack(), invalid);
                                    return;
                                }
                            }
                            result = method.invoke(instance, values);
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

    /**
     * Answers a refused event: its ack, when the client asked for one, carries the reason; the
     * handler is not called.
     */
    private static void refused(
            HandlerMethod method, Socket socket, @Nullable Ack ack, JsonObject reason) {
        LOG.log(
                Level.DEBUG,
                () ->
                        "event "
                                + method.event()
                                + " refused in namespace "
                                + socket.nsp().name()
                                + " for socket "
                                + socket.id()
                                + ": "
                                + reason);
        if (ack != null && ack.requested()) {
            ack.send(reason);
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
