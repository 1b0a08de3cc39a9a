package io.jsocketio.testkit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Base64;

/**
 * JSON helpers for the driver scripts' lines: commands, and binary values, which travel as {@code
 * {"$bin": "<base64>"}} anywhere in an argument tree.
 *
 * <p>Thread-safety: stateless; safe for concurrent use.
 */
public final class NodeJson {

    private NodeJson() {}

    /** A command builder with {@code "cmd": name} already set. */
    public static JsonObjectBuilder command(String name) {
        return Json.createObjectBuilder().add("cmd", name);
    }

    /** The {@code {"$bin": base64}} form of {@code bytes}. */
    public static JsonObject bin(byte[] bytes) {
        return Json.createObjectBuilder()
                .add("$bin", Base64.getEncoder().encodeToString(bytes))
                .build();
    }

    /** Whether {@code value} is a {@code {"$bin": ...}} object. */
    public static boolean isBin(JsonValue value) {
        return value.getValueType() == JsonValue.ValueType.OBJECT
                && value.asJsonObject().size() == 1
                && value.asJsonObject().containsKey("$bin");
    }

    /**
     * The bytes of a {@code {"$bin": base64}} object.
     *
     * @throws IllegalArgumentException if {@code value} is not one
     */
    public static byte[] bytes(JsonValue value) {
        if (!isBin(value)) {
            throw new IllegalArgumentException("not a {\"$bin\": ...} value: " + value);
        }
        return Base64.getDecoder().decode(value.asJsonObject().getString("$bin"));
    }
}
