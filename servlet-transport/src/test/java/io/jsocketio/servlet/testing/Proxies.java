package io.jsocketio.servlet.testing;

import java.lang.reflect.Proxy;

/**
 * Fakes of container interfaces as dynamic proxies: {@code toString}, {@code hashCode} and {@code
 * equals} behave as for an object, every other call goes to a handler by method name. Stateless and
 * thread-safe; the handler decides its own thread-safety.
 */
public final class Proxies {
    private Proxies() {}

    /** Answers a call by method name; {@code args} is empty, never null, for no arguments. */
    @FunctionalInterface
    public interface Handler {
        Object handle(String name, Object[] args) throws Exception;
    }

    /** A proxy of {@code type} whose calls the handler answers. */
    public static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(
                Proxy.newProxyInstance(
                        Proxies.class.getClassLoader(),
                        new Class<?>[] {type},
                        (p, method, args) ->
                                switch (method.getName()) {
                                    case "toString" -> "fake " + type.getSimpleName();
                                    case "hashCode" -> System.identityHashCode(p);
                                    case "equals" -> p == args[0];
                                    default ->
                                            handler.handle(
                                                    method.getName(),
                                                    args == null ? new Object[0] : args);
                                }));
    }
}
