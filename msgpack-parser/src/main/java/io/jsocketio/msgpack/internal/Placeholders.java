package io.jsocketio.msgpack.internal;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The placeholders {@code {"_placeholder":true,"num":N}} that stand for binary values in a packet's
 * JSON inside the server, whatever the parser.
 *
 * <p>Thread-safety: stateless.
 */
final class Placeholders {

    /** The JSON-P provider, looked up once. */
    static final JsonProvider JSON = JsonProvider.provider();

    private Placeholders() {}

    /** The placeholder of attachment {@code num}. */
    static JsonObject of(int num) {
        return JSON.createObjectBuilder()
                .add("_placeholder", JsonValue.TRUE)
                .add("num", num)
                .build();
    }

    /**
     * The attachment a placeholder stands for, or null when {@code value} is not a placeholder with
     * an index into {@code attachments} (the test of Node's parser: {@code _placeholder} is {@code
     * true}, {@code num} an index).
     */
    static byte @Nullable [] attachment(JsonObject value, List<byte[]> attachments) {
        if (attachments.isEmpty() || value.get("_placeholder") != JsonValue.TRUE) {
            return null;
        }
        if (!(value.get("num") instanceof JsonNumber num) || !num.isIntegral()) {
            return null;
        }
        long i = num.longValue();
        return i >= 0 && i < attachments.size() ? attachments.get((int) i) : null;
    }
}
