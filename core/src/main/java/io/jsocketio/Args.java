package io.jsocketio;

import jakarta.json.JsonValue;
import java.lang.reflect.Type;
import java.util.List;

/**
 * The arguments of an inbound event or acknowledgement, read by index. JSON values are mapped to
 * Java types through JSON-B; binary values (placeholders resolved against the packet's attachments,
 * anywhere in the tree) are read with {@link #binary(int)} or mapped to {@code byte[]}.
 *
 * <p>Thread-safety: immutable; safe to read from any thread.
 */
public interface Args {

    /** The number of arguments. */
    int size();

    /** Whether there are no arguments. */
    default boolean isEmpty() {
        return size() == 0;
    }

    /**
     * Argument {@code index} mapped to {@code type} (records, beans, String, boxed numbers,
     * Boolean, {@code byte[]} for a binary argument, {@code JsonValue}, Map/List). A JSON null
     * gives null.
     *
     * @throws IndexOutOfBoundsException when there is no such argument
     * @throws IllegalArgumentException when the value cannot be mapped to the type
     */
    <T> T get(int index, Class<T> type);

    /** As {@link #get(int, Class)} for a generic type such as {@code List<Message>}. */
    <T> T get(int index, Type type);

    /** Argument {@code index} as a String (JSON strings unquoted; other values as JSON text). */
    String getString(int index);

    /**
     * Argument {@code index} as bytes.
     *
     * @throws IllegalArgumentException when the argument is not binary
     */
    byte[] binary(int index);

    /** Whether argument {@code index} is a binary value. */
    boolean isBinary(int index);

    /** Argument {@code index} as JSON; a binary argument appears as its placeholder object. */
    JsonValue json(int index);

    /**
     * The arguments as plain Java values: null, Boolean, Number (Integer/Long/BigInteger for
     * integral numbers, Double/BigDecimal otherwise), String, byte[], List, Map (insertion order).
     */
    List<Object> toList();
}
