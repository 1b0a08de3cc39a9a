package io.jsocketio.parser;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A packet's JSON as plain Java values, the tree an application reads untyped ({@code args.get(0,
 * Object.class)}) and adapters hand to other encodings:
 *
 * <ul>
 *   <li>{@code null}, {@link Boolean}, {@link String};
 *   <li>a number as {@link JsonNumbers#toJava(JsonNumber)} gives it;
 *   <li>a valid placeholder ({@link Placeholders#index}) as its attachment's {@code byte[]};
 *   <li>arrays and objects as unmodifiable {@link List}s and {@link Map}s (key order kept).
 * </ul>
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class JsonValues {

    private JsonValues() {}

    /**
     * The value tree of {@code value}.
     *
     * @param attachments the binary attachments placeholders refer to (empty: placeholders stay
     *     objects)
     */
    public static @Nullable Object toJava(JsonValue value, List<byte[]> attachments) {
        switch (value.getValueType()) {
            case NULL:
                return null;
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case STRING:
                return ((JsonString) value).getString();
            case NUMBER:
                return JsonNumbers.toJava((JsonNumber) value);
            case ARRAY:
                {
                    JsonArray array = (JsonArray) value;
                    List<@Nullable Object> list = new ArrayList<>(array.size());
                    for (JsonValue element : array) {
                        list.add(toJava(element, attachments));
                    }
                    return Collections.unmodifiableList(list);
                }
            case OBJECT:
            default:
                {
                    int binary = Placeholders.index(value, attachments.size());
                    if (binary >= 0) {
                        return attachments.get(binary);
                    }
                    JsonObject object = (JsonObject) value;
                    Map<String, @Nullable Object> map = new LinkedHashMap<>();
                    for (Map.Entry<String, JsonValue> e : object.entrySet()) {
                        map.put(e.getKey(), toJava(e.getValue(), attachments));
                    }
                    return Collections.unmodifiableMap(map);
                }
        }
    }
}
