package io.jsocketio;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.AbstractMap;
import java.util.Objects;
import java.util.Set;

/**
 * A read-only JSON object whose getters answer an empty value for a missing name instead of
 * throwing: {@code getString} gives {@code ""}, {@code getInt} {@code 0}, {@code getBoolean} {@code
 * false}, {@code isNull} {@code true} (JavaScript's {@code undefined} is falsy and null-like). The
 * {@code getJson*} getters already answer null for a missing name. A present value of another type
 * still fails as {@link JsonObject} specifies ({@link ClassCastException}).
 *
 * <p>Thread-safety: immutable when the wrapped object is (JSON-P's objects are).
 */
final class LenientJsonObject extends AbstractMap<String, JsonValue> implements JsonObject {
    private final JsonObject json;

    private LenientJsonObject(JsonObject json) {
        this.json = json;
    }

    /** {@code json} with lenient getters (itself when it already has them). */
    static JsonObject of(JsonObject json) {
        Objects.requireNonNull(json, "json");
        return json instanceof LenientJsonObject ? json : new LenientJsonObject(json);
    }

    @Override
    public Set<Entry<String, JsonValue>> entrySet() {
        return json.entrySet();
    }

    @Override
    public JsonValue get(Object key) {
        return json.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return json.containsKey(key);
    }

    @Override
    public JsonArray getJsonArray(String name) {
        return json.getJsonArray(name);
    }

    @Override
    public JsonObject getJsonObject(String name) {
        return json.getJsonObject(name);
    }

    @Override
    public JsonNumber getJsonNumber(String name) {
        return json.getJsonNumber(name);
    }

    @Override
    public JsonString getJsonString(String name) {
        return json.getJsonString(name);
    }

    @Override
    public String getString(String name) {
        return json.containsKey(name) ? json.getString(name) : "";
    }

    @Override
    public String getString(String name, String defaultValue) {
        return json.getString(name, defaultValue);
    }

    @Override
    public int getInt(String name) {
        return json.containsKey(name) ? json.getInt(name) : 0;
    }

    @Override
    public int getInt(String name, int defaultValue) {
        return json.getInt(name, defaultValue);
    }

    @Override
    public boolean getBoolean(String name) {
        return json.containsKey(name) && json.getBoolean(name);
    }

    @Override
    public boolean getBoolean(String name, boolean defaultValue) {
        return json.getBoolean(name, defaultValue);
    }

    @Override
    public boolean isNull(String name) {
        return !json.containsKey(name) || json.isNull(name);
    }

    @Override
    public ValueType getValueType() {
        return ValueType.OBJECT;
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
