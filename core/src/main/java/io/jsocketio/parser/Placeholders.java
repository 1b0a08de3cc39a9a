package io.jsocketio.parser;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The placeholder objects {@code {"_placeholder":true,"num":N}} that stand for binary attachments
 * inside a packet's JSON.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class Placeholders {

    /** The marker key. */
    public static final String PLACEHOLDER = "_placeholder";

    /** The key of the attachment index. */
    public static final String NUM = "num";

    private Placeholders() {}

    /** A placeholder for attachment {@code num}, written {@code {"_placeholder":true,"num":N}}. */
    public static JsonObject of(int num) {
        return JsonText.PROVIDER
                .createObjectBuilder()
                .add(PLACEHOLDER, JsonValue.TRUE)
                .add(NUM, num)
                .build();
    }

    /**
     * Whether the value claims to be a placeholder: an object whose {@code _placeholder} is {@code
     * true} (the test Node's parser applies before it checks {@code num}).
     */
    public static boolean isMarked(JsonValue value) {
        if (!(value instanceof JsonObject o)) {
            return false;
        }
        JsonValue marker = o.get(PLACEHOLDER);
        return marker != null && marker.getValueType() == JsonValue.ValueType.TRUE;
    }

    /**
     * The attachment index of a placeholder that is valid for {@code attachmentCount} attachments,
     * or -1 when the value is not such a placeholder (not marked, {@code num} missing, not an
     * integer, or out of range).
     */
    public static int index(JsonValue value, int attachmentCount) {
        if (attachmentCount == 0 || !isMarked(value)) {
            return -1;
        }
        JsonValue num = ((JsonObject) value).get(NUM);
        if (!(num instanceof JsonNumber n)) {
            return -1;
        }
        try {
            int i = n.bigDecimalValue().intValueExact();
            return i >= 0 && i < attachmentCount ? i : -1;
        } catch (ArithmeticException e) {
            return -1;
        }
    }
}
