package io.jsocketio.internal;

import io.jsocketio.internal.json.ArgsImpl;
import io.jsocketio.parser.JsonValues;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reading a socket's data (and auth payloads) as a type, and its data as attributes. */
final class DataValues {
    private DataValues() {}

    /**
     * {@code value} as {@code type}: itself when it is an instance, else mapped through JSON
     * (JSON-B for records and beans).
     *
     * @throws IllegalArgumentException when it cannot be mapped
     */
    static <T> Optional<T> as(@Nullable Object value, Class<T> type) {
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (type.isInstance(value)) {
            return Optional.of(type.cast(value));
        }
        if (value instanceof JsonValue json) {
            return Optional.ofNullable(map(json, type));
        }
        return Optional.ofNullable(ArgsImpl.of(value).get(0, type));
    }

    /** Maps a JSON value to {@code type}. */
    static <T> T map(JsonValue json, Class<T> type) {
        return new ArgsImpl(List.of(json), List.of()).get(0, type);
    }

    /**
     * The attribute {@code key} of {@code data} as {@code type}: empty when the data is null, not
     * an object (a Map, a record or bean, a JSON object) or has no such key.
     *
     * @throws IllegalArgumentException when the attribute cannot be mapped to {@code type}
     */
    static <T> Optional<T> attribute(@Nullable Object data, String key, Class<T> type) {
        Map<?, ?> map = asMap(data);
        return map == null ? Optional.empty() : as(map.get(key), type);
    }

    /**
     * {@code data} with attribute {@code key} set to {@code value} (removed when null): a new
     * unmodifiable map; a record or bean is first turned into a map of its properties.
     *
     * @throws IllegalArgumentException when the data is a value without properties (a String, a
     *     number, a list)
     */
    static @Nullable Object withAttribute(
            @Nullable Object data, String key, @Nullable Object value) {
        Map<?, ?> current = asMap(data);
        if (current == null && data != null && data != JsonValue.NULL) {
            throw new IllegalArgumentException(
                    "the socket's data is a "
                            + data.getClass().getName()
                            + ", which has no attributes; set it with data(null) or a Map first");
        }
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        if (current != null) {
            current.forEach((k, v) -> copy.put(String.valueOf(k), v));
        }
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return Collections.unmodifiableMap(copy);
    }

    private static @Nullable Map<?, ?> asMap(@Nullable Object data) {
        if (data == null || data == JsonValue.NULL) {
            return null;
        }
        if (data instanceof Map<?, ?> map) {
            return map;
        }
        if (data instanceof JsonObject json) {
            return (Map<?, ?>) JsonValues.toJava(json, List.of());
        }
        if (data instanceof JsonValue
                || data instanceof CharSequence
                || data instanceof Number
                || data instanceof Boolean
                || data instanceof Iterable
                || data.getClass().isArray()) {
            return null;
        }
        try {
            return ArgsImpl.of(data).get(0, Map.class);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
