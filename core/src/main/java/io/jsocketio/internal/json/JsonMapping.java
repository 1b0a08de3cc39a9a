package io.jsocketio.internal.json;

import io.jsocketio.parser.JsonNumbers;
import io.jsocketio.parser.JsonText;
import io.jsocketio.parser.Placeholders;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Array;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Maps outbound Java values to Socket.IO JSON with binary attachments, the way Node's parser
 * deconstructs a packet: every binary value, anywhere in the tree, becomes {@code
 * {"_placeholder":true,"num":N}} and its bytes attachment N, numbered depth-first in argument,
 * element and key order.
 *
 * <p>Supported values:
 *
 * <ul>
 *   <li>{@code null} (JSON null), {@code Boolean}, {@code String} / {@code CharSequence} / {@code
 *       Character};
 *   <li>{@code Number}: see {@link JsonNumbers} (integral types stay integral and exact; doubles as
 *       JavaScript writes them; NaN and infinities become null);
 *   <li>{@code byte[]} and {@code ByteBuffer} (its remaining bytes): binary attachments;
 *   <li>{@code JsonValue}: as is (a placeholder object in it is written as is, without an
 *       attachment);
 *   <li>{@code Map} (iteration order, keys by {@code String.valueOf}), {@code Collection}, object
 *       and primitive arrays (except {@code byte[]}), {@code Optional} and its primitive forms
 *       (empty is null);
 *   <li>anything else (records, beans, enums, dates...) through the shared JSON-B instance, with
 *       its annotations and defaults (null properties are omitted); {@code byte[]} and {@code
 *       ByteBuffer} properties still become attachments, and boxed {@code Double}/{@code Float}
 *       properties are written as JavaScript does. JSON-B's defaults apply otherwise: properties in
 *       lexicographic order unless {@code @JsonbPropertyOrder} says otherwise, null properties
 *       omitted, and primitive {@code double}/{@code float} properties written by JSON-B itself
 *       ({@code 1.0} stays {@code 1.0}; NaN is refused), because Yasson does not route primitives
 *       through custom serializers.
 * </ul>
 *
 * <p>Inbound, {@link ArgsImpl} maps through the same JSON-B instance: {@code byte[]} and {@code
 * ByteBuffer} properties are read from placeholders (or from a number array or base64 string);
 * properties typed {@code Object} or {@code Map<String, Object>} inside records see the placeholder
 * object itself, not the bytes.
 *
 * <p>Thread-safety: stateless; safe from any thread. The JSON-B instance is created on first use
 * and shared.
 */
public final class JsonMapping {

    /** Deeper nesting than this is refused (usually a cycle). */
    public static final int MAX_DEPTH = 1000;

    private JsonMapping() {}

    /** The shared JSON-B instance, configured for attachments; created on first use. */
    static Jsonb jsonb() {
        return JsonbHolder.JSONB;
    }

    private static final class JsonbHolder {
        static final Jsonb JSONB =
                JsonbBuilder.create(
                        new JsonbConfig()
                                .withSerializers(
                                        new BinaryBinding.ByteArraySerializer(),
                                        new BinaryBinding.ByteBufferSerializer(),
                                        new BinaryBinding.DoubleSerializer(),
                                        new BinaryBinding.FloatSerializer())
                                .withDeserializers(
                                        new BinaryBinding.ByteArrayDeserializer(),
                                        new BinaryBinding.ByteBufferDeserializer()));
    }

    /**
     * The payload of an event: the event name followed by the arguments.
     *
     * @throws IllegalArgumentException when an argument cannot be mapped
     */
    public static Payload eventPayload(String event, Object @Nullable ... args) {
        return toPayload(prepend(event, args));
    }

    /**
     * {@code first} followed by {@code rest}. A null {@code rest} is what Java passes for {@code
     * emit("x", null)}: one null argument, so it is taken as {@code [null]}.
     */
    public static Object[] prepend(@Nullable Object first, Object @Nullable ... rest) {
        Object[] args = varargs(rest);
        Object[] all = new Object[args.length + 1];
        all[0] = first;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    /** The arguments of a varargs call: a null array (Java's {@code f(null)}) is one null value. */
    public static Object[] varargs(Object @Nullable ... args) {
        return args == null ? new Object[] {null} : args;
    }

    /**
     * The payload for a list of arguments (an event's name and arguments, or an ack's arguments).
     *
     * @throws IllegalArgumentException when an argument cannot be mapped
     */
    public static Payload toPayload(Object @Nullable ... args) {
        return toPayloadOfList(Arrays.asList(varargs(args)));
    }

    /**
     * The payload for a list of arguments (each element is one argument; named apart from {@link
     * #toPayload(Object...)} so that a single List argument is never mistaken for the list).
     *
     * @throws IllegalArgumentException when an argument cannot be mapped
     */
    public static Payload toPayloadOfList(List<?> args) {
        List<byte[]> attachments = new ArrayList<>();
        JsonArrayBuilder array = JsonText.PROVIDER.createArrayBuilder();
        for (Object arg : args) {
            array.add(toJson(arg, attachments, 1));
        }
        return new Payload(array.build(), attachments);
    }

    /**
     * One Java value as JSON; binary values inside it are appended to {@code attachments} and
     * replaced by placeholders numbered from the list's current size.
     *
     * @throws IllegalArgumentException when the value cannot be mapped
     */
    public static JsonValue toJson(@Nullable Object value, List<byte[]> attachments) {
        return toJson(value, attachments, 0);
    }

    private static JsonValue toJson(@Nullable Object value, List<byte[]> attachments, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(
                    "value nested deeper than " + MAX_DEPTH + " levels (a cycle?)");
        }
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof String s) {
            return JsonText.PROVIDER.createValue(s);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Number n) {
            return JsonNumbers.of(n);
        }
        if (value instanceof byte[] bytes) {
            int num = attachments.size();
            attachments.add(bytes);
            return Placeholders.of(num);
        }
        if (value instanceof ByteBuffer buffer) {
            int num = attachments.size();
            attachments.add(BinaryBinding.copy(buffer));
            return Placeholders.of(num);
        }
        if (value instanceof CharSequence || value instanceof Character) {
            return JsonText.PROVIDER.createValue(value.toString());
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = JsonText.PROVIDER.createObjectBuilder();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                object.add(
                        String.valueOf(e.getKey()), toJson(e.getValue(), attachments, depth + 1));
            }
            return object.build();
        }
        if (value instanceof Collection<?> collection) {
            JsonArrayBuilder array = JsonText.PROVIDER.createArrayBuilder();
            for (Object element : collection) {
                array.add(toJson(element, attachments, depth + 1));
            }
            return array.build();
        }
        if (value.getClass().isArray() && !(value instanceof char[])) {
            JsonArrayBuilder array = JsonText.PROVIDER.createArrayBuilder();
            int length = Array.getLength(value);
            for (int i = 0; i < length; i++) {
                array.add(toJson(Array.get(value, i), attachments, depth + 1));
            }
            return array.build();
        }
        if (value instanceof Optional<?> optional) {
            return toJson(optional.orElse(null), attachments, depth + 1);
        }
        if (value instanceof OptionalInt o) {
            return o.isPresent() ? JsonText.PROVIDER.createValue(o.getAsInt()) : JsonValue.NULL;
        }
        if (value instanceof OptionalLong o) {
            return o.isPresent() ? JsonText.PROVIDER.createValue(o.getAsLong()) : JsonValue.NULL;
        }
        if (value instanceof OptionalDouble o) {
            return o.isPresent() ? JsonNumbers.ofDouble(o.getAsDouble()) : JsonValue.NULL;
        }
        return viaJsonb(value, attachments);
    }

    private static JsonValue viaJsonb(Object value, List<byte[]> attachments) {
        try {
            String text =
                    BinaryBinding.withAttachments(
                            attachments, () -> jsonb().toJson(value, value.getClass()));
            return JsonText.parse(text);
        } catch (JsonbException | jakarta.json.JsonException e) {
            throw new IllegalArgumentException(
                    "cannot map " + value.getClass().getName() + " to JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Maps JSON (placeholders resolved against {@code attachments}) to {@code type} through the
     * shared JSON-B instance.
     *
     * @throws IllegalArgumentException when the value cannot be mapped to the type
     */
    static Object fromJson(JsonValue value, Type type, List<byte[]> attachments) {
        String text = JsonText.write(value);
        try {
            return BinaryBinding.withAttachments(attachments, () -> jsonb().fromJson(text, type));
        } catch (JsonbException | jakarta.json.JsonException e) {
            throw new IllegalArgumentException(
                    "cannot map a JSON "
                            + value.getValueType().name().toLowerCase(java.util.Locale.ROOT)
                            + " to "
                            + type.getTypeName()
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }
}
