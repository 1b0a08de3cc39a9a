package io.jsocketio.internal;

import io.jsocketio.internal.json.ArgsImpl;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reading a socket's data (and auth payloads) as a type. */
final class DataValues {
    private DataValues() {}

    /**
     * {@code value} as {@code type}: itself when it is an instance, else JSON mapped through
     * JSON-B.
     */
    static <T> Optional<T> as(@Nullable Object value, Class<T> type) {
        if (value == null) {
            return Optional.empty();
        }
        if (type.isInstance(value)) {
            return Optional.of(type.cast(value));
        }
        if (value instanceof JsonValue json) {
            return Optional.ofNullable(new ArgsImpl(List.of(json), List.of()).get(0, type));
        }
        throw new IllegalArgumentException(
                "the data is a " + value.getClass().getName() + ", not a " + type.getName());
    }

    /** Maps a JSON value to {@code type}. */
    static <T> T map(JsonValue json, Class<T> type) {
        return new ArgsImpl(List.of(json), List.of()).get(0, type);
    }
}
