package io.jsocketio.handlers.internal;

import io.jsocketio.Ack;
import io.jsocketio.Args;
import io.jsocketio.DisconnectReason;
import io.jsocketio.Socket;
import jakarta.json.JsonValue;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One {@code @OnConnect}, {@code @OnEvent} or {@code @OnDisconnect} method, with its parameters
 * resolved once at start-up into binders.
 *
 * <p>Thread-safety: immutable after construction; {@link #invoke} may run on any thread.
 */
public final class HandlerMethod {
    /** Which annotation marks the method. */
    public enum Kind {
        CONNECT,
        EVENT,
        DISCONNECT
    }

    /** What a call receives; the fields a kind does not have are null. */
    public record Call(
            Socket socket,
            @Nullable Args args,
            @Nullable Ack ack,
            @Nullable DisconnectReason reason,
            @Nullable String description) {}

    private interface Binder {
        @Nullable Object bind(Call call);
    }

    /** Packages of jsocketio's own API: their types are never payloads. */
    private static final java.util.Set<String> LIBRARY_PACKAGES =
            java.util.Set.of(
                    "io.jsocketio",
                    "io.jsocketio.spi",
                    "io.jsocketio.engine",
                    "io.jsocketio.parser",
                    "io.jsocketio.handlers",
                    "io.jsocketio.cdi",
                    "io.jsocketio.spring");

    private final Kind kind;
    private final Method method;
    private final @Nullable String event;
    private final boolean acksWithReturn;
    private final List<Binder> binders;

    private HandlerMethod(
            Kind kind, Method method, @Nullable String event, List<Binder> binders, boolean acks) {
        this.kind = kind;
        this.method = method;
        this.event = event;
        this.binders = List.copyOf(binders);
        this.acksWithReturn = acks;
    }

    /** Which annotation marks the method. */
    public Kind kind() {
        return kind;
    }

    /** The method. */
    public Method method() {
        return method;
    }

    /** The event name of an {@code @OnEvent} method, else null. */
    public @Nullable String event() {
        return event;
    }

    /** Whether the method's return value is the event's ack. */
    public boolean acksWithReturn() {
        return acksWithReturn;
    }

    /** A readable name for messages: {@code com.example.Chat#message(Socket, Msg)}. */
    public static String describe(Method m) {
        StringBuilder b = new StringBuilder(m.getDeclaringClass().getName()).append('#');
        b.append(m.getName()).append('(');
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            b.append(i == 0 ? "" : ", ").append(types[i].getSimpleName());
        }
        return b.append(')').toString();
    }

    /**
     * Resolves one annotated method, or adds its problems to {@code errors}, each naming the
     * method.
     */
    public static Optional<HandlerMethod> analyze(
            Kind kind, Method m, @Nullable String event, List<String> errors) {
        String name = describe(m);
        int before = errors.size();
        if (Modifier.isStatic(m.getModifiers())) {
            errors.add(name + ": a handler method must not be static");
        }
        if (Modifier.isPrivate(m.getModifiers())) {
            errors.add(name + ": a handler method must not be private");
        }
        if (kind == Kind.EVENT && (event == null || event.isEmpty())) {
            errors.add(name + ": @OnEvent needs an event name");
        }
        boolean returns = m.getReturnType() != void.class && m.getReturnType() != Void.class;
        if (returns && kind != Kind.EVENT) {
            errors.add(name + ": only an @OnEvent method may return a value (its ack)");
        }
        List<Binder> binders = new ArrayList<>();
        Type[] generic = m.getGenericParameterTypes();
        Class<?>[] raw = m.getParameterTypes();
        int payload = 0;
        boolean takesAck = false;
        for (int i = 0; i < raw.length; i++) {
            Class<?> t = raw[i];
            if (t == Socket.class) {
                binders.add(Call::socket);
            } else if (t == Ack.class && kind == Kind.EVENT) {
                takesAck = true;
                binders.add(Call::ack);
            } else if (t == Args.class && kind == Kind.EVENT) {
                binders.add(Call::args);
            } else if (t == DisconnectReason.class && kind == Kind.DISCONNECT) {
                binders.add(Call::reason);
            } else if (t == String.class && kind == Kind.DISCONNECT) {
                binders.add(Call::description);
            } else if (kind == Kind.EVENT && mappable(generic[i])) {
                int index = payload++;
                Type type = generic[i];
                binders.add(call -> payload(call, index, type, t));
            } else {
                errors.add(
                        name
                                + ": parameter "
                                + (i + 1)
                                + " has a type that cannot be resolved: "
                                + generic[i].getTypeName()
                                + " (expected "
                                + expected(kind)
                                + ")");
            }
        }
        if (returns && takesAck) {
            errors.add(name + ": returns a value (its ack) and also takes an Ack; choose one");
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        m.setAccessible(true);
        return Optional.of(new HandlerMethod(kind, m, event, binders, returns));
    }

    private static String expected(Kind kind) {
        return switch (kind) {
            case CONNECT -> "Socket";
            case DISCONNECT -> "Socket, DisconnectReason or String";
            case EVENT -> "Socket, Ack, Args or a JSON-B mappable payload type";
        };
    }

    private static @Nullable Object payload(Call call, int index, Type type, Class<?> raw) {
        Args args = call.args();
        Object value = args != null && index < args.size() ? args.get(index, type) : null;
        if (value == null && raw.isPrimitive()) {
            return primitiveDefault(raw);
        }
        return value;
    }

    private static Object primitiveDefault(Class<?> t) {
        if (t == boolean.class) {
            return false;
        }
        if (t == char.class) {
            return '\0';
        }
        if (t == long.class) {
            return 0L;
        }
        if (t == double.class) {
            return 0d;
        }
        if (t == float.class) {
            return 0f;
        }
        if (t == short.class) {
            return (short) 0;
        }
        if (t == byte.class) {
            return (byte) 0;
        }
        return 0;
    }

    /** Whether JSON-B can map an event argument to the type. */
    public static boolean mappable(Type type) {
        if (type instanceof ParameterizedType p) {
            return mappable(p.getRawType());
        }
        if (!(type instanceof Class<?> c)) {
            return false;
        }
        if (c.isPrimitive()) {
            return c != void.class;
        }
        if (c.isArray()) {
            return c == byte[].class || mappable(c.getComponentType());
        }
        if (c == String.class
                || c == Object.class
                || c == Boolean.class
                || c == Character.class
                || Number.class.isAssignableFrom(c) && c.getName().startsWith("java.")
                || JsonValue.class.isAssignableFrom(c)
                || c == List.class
                || c == Collection.class
                || c == Map.class
                || c.isEnum()
                || c.isRecord()) {
            return true;
        }
        if (LIBRARY_PACKAGES.contains(c.getPackageName())
                || c.isInterface()
                || Modifier.isAbstract(c.getModifiers())) {
            return false;
        }
        for (Constructor<?> ctor : c.getDeclaredConstructors()) {
            if (ctor.getParameterCount() == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Calls the method on {@code instance}.
     *
     * @return the method's result
     * @throws InvocationTargetException what the method threw
     */
    public @Nullable Object invoke(Object instance, Call call)
            throws InvocationTargetException, IllegalAccessException {
        Object[] values = new Object[binders.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = binders.get(i).bind(call);
        }
        return method.invoke(instance, values);
    }
}
