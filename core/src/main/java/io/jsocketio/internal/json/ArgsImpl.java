package io.jsocketio.internal.json;

import io.jsocketio.Args;
import io.jsocketio.parser.JsonNumbers;
import io.jsocketio.parser.JsonText;
import io.jsocketio.parser.JsonValues;
import io.jsocketio.parser.Placeholders;
import io.jsocketio.parser.SocketPacket;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@link Args} over the JSON of an inbound packet and its binary attachments. Placeholders are
 * resolved only against the packet's own attachments, so a placeholder-looking object inside a
 * non-binary packet stays a plain object (as in Node).
 *
 * <p>Thread-safety: immutable; safe to read from any thread. Binary values are returned without
 * copying.
 */
public final class ArgsImpl implements Args {

    private static final ArgsImpl EMPTY = new ArgsImpl(List.of(), List.of());

    private final List<JsonValue> values;
    private final List<byte[]> attachments;

    /**
     * Arguments over {@code values}, with placeholders referring to {@code attachments}.
     *
     * @param values the argument values (not copied: pass an immutable list)
     * @param attachments the binary attachments (not copied: pass an immutable list)
     */
    public ArgsImpl(List<JsonValue> values, List<byte[]> attachments) {
        this.values = values;
        this.attachments = attachments;
    }

    /** No arguments. */
    public static ArgsImpl empty() {
        return EMPTY;
    }

    /** Arguments made of Java values, as {@code emit} maps them (for events raised locally). */
    public static ArgsImpl of(Object... values) {
        Payload payload = JsonMapping.toPayload(values);
        return new ArgsImpl(payload.data().getValuesAs(JsonValue.class), payload.attachments());
    }

    /**
     * The arguments of an EVENT or BINARY_EVENT packet: its array without the first element (the
     * event name, see {@link #eventName(SocketPacket)}).
     *
     * @throws IllegalArgumentException when the packet's data is not a non-empty array
     */
    public static ArgsImpl ofEvent(SocketPacket packet) {
        if (!(packet.data() instanceof JsonArray array) || array.isEmpty()) {
            throw new IllegalArgumentException("not an event payload: " + packet.type());
        }
        return new ArgsImpl(array.subList(1, array.size()), packet.attachments());
    }

    /**
     * The arguments of an ACK or BINARY_ACK packet (no data gives no arguments).
     *
     * @throws IllegalArgumentException when the packet's data is neither absent nor an array
     */
    public static ArgsImpl ofAck(SocketPacket packet) {
        JsonValue data = packet.data();
        if (data == null) {
            return EMPTY;
        }
        if (!(data instanceof JsonArray array)) {
            throw new IllegalArgumentException("not an ack payload: " + packet.type());
        }
        return new ArgsImpl(array, packet.attachments());
    }

    /**
     * The event name of an EVENT or BINARY_EVENT packet: the first element, a string, or a number
     * taken as its JSON text (Node's parser accepts numeric names; {@code 42[1]} is event "1").
     *
     * @throws IllegalArgumentException when the packet's data has no such first element
     */
    public static String eventName(SocketPacket packet) {
        if (packet.data() instanceof JsonArray array && !array.isEmpty()) {
            JsonValue first = array.get(0);
            if (first instanceof JsonString s) {
                return s.getString();
            }
            if (first instanceof JsonNumber n) {
                return JsonNumbers.format(n);
            }
        }
        throw new IllegalArgumentException("no event name in the payload: " + packet.type());
    }

    @Override
    public int size() {
        return values.size();
    }

    @Override
    public <T> T get(int index, Class<T> type) {
        @SuppressWarnings("unchecked")
        T value = (T) get(index, (Type) type);
        return value;
    }

    @Override
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
    public <T> T get(int index, Type type) {
        JsonValue value = values.get(index);
        Class<?> raw = rawClass(type);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            if (raw.isPrimitive()) {
                throw new IllegalArgumentException(
                        "argument " + index + " is null, not a " + raw.getName());
            }
            return (T) (JsonValue.class.isAssignableFrom(raw) ? value : null);
        }
        if (JsonValue.class.isAssignableFrom(raw)) {
            if (!raw.isInstance(value)) {
                throw new IllegalArgumentException(
                        "argument " + index + " is a " + describe(value) + ", not a " + raw);
            }
            return (T) value;
        }
        int binary = Placeholders.index(value, attachments.size());
        if (binary >= 0) {
            if (raw == byte[].class) {
                return (T) attachments.get(binary);
            }
            if (raw == ByteBuffer.class) {
                return (T) ByteBuffer.wrap(attachments.get(binary)).asReadOnlyBuffer();
            }
            if (raw == Object.class) {
                return (T) attachments.get(binary);
            }
        }
        if (raw == String.class && value instanceof JsonString s) {
            return (T) s.getString();
        }
        if (raw == Object.class || isUntypedContainer(type, raw)) {
            Object java = toJava(value);
            if (!raw.isInstance(java)) {
                throw new IllegalArgumentException(
                        "argument " + index + " is a " + describe(value) + ", not a " + raw);
            }
            return (T) java;
        }
        return (T) JsonMapping.fromJson(value, type, attachments);
    }

    @Override
    public String getString(int index) {
        JsonValue value = values.get(index);
        return value instanceof JsonString s ? s.getString() : JsonText.write(value);
    }

    @Override
    public byte[] binary(int index) {
        JsonValue value = values.get(index);
        int binary = Placeholders.index(value, attachments.size());
        if (binary < 0) {
            throw new IllegalArgumentException(
                    "argument " + index + " is a " + describe(value) + ", not binary");
        }
        return attachments.get(binary);
    }

    @Override
    public boolean isBinary(int index) {
        return Placeholders.index(values.get(index), attachments.size()) >= 0;
    }

    @Override
    public JsonValue json(int index) {
        return values.get(index);
    }

    @Override
    public List<Object> toList() {
        List<Object> list = new ArrayList<>(values.size());
        for (JsonValue value : values) {
            list.add(toJava(value));
        }
        return Collections.unmodifiableList(list);
    }

    /** The arguments as a JSON array (placeholders as they arrived). */
    public JsonArray toJsonArray() {
        return JsonText.PROVIDER.createArrayBuilder(values).build();
    }

    /** The binary attachments the placeholders refer to. */
    public List<byte[]> attachments() {
        return attachments;
    }

    /** The arguments as JSON text, binary values as placeholders. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Args");
        JsonText.write(toJsonArray(), out);
        return out.toString();
    }

    /** See {@link JsonValues#toJava}. */
    private @Nullable Object toJava(JsonValue value) {
        return JsonValues.toJava(value, attachments);
    }

    private static boolean isUntypedContainer(Type type, Class<?> raw) {
        if (raw != Map.class && raw != List.class && raw != Collection.class) {
            return false;
        }
        if (type instanceof Class<?>) {
            return true;
        }
        if (type instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            Type element = args[args.length - 1];
            if (raw == Map.class && args[0] != String.class && args[0] != Object.class) {
                return false;
            }
            return element == Object.class
                    || (element instanceof WildcardType w
                            && w.getLowerBounds().length == 0
                            && w.getUpperBounds()[0] == Object.class);
        }
        return false;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return rawClass(p.getRawType());
        }
        if (type instanceof GenericArrayType g) {
            return java.lang.reflect.Array.newInstance(rawClass(g.getGenericComponentType()), 0)
                    .getClass();
        }
        return Object.class;
    }

    private static String describe(JsonValue value) {
        return value.getValueType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
