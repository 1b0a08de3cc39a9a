package io.jsocketio.parser;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.Map;

/**
 * Reads and writes JSON text the way {@code JSON.parse} / {@code JSON.stringify} do: one complete
 * value with nothing but whitespace around it; compact output, object keys in insertion order,
 * numbers written from their exact decimal value (integers never gain a {@code .0}).
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class JsonText {

    /** The shared JSON-P provider (looked up once). */
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private static final JsonParserFactory PARSERS = PROVIDER.createParserFactory(Map.of());
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {}

    /**
     * Parses one JSON value (any type, also a top-level scalar).
     *
     * @throws JsonException when the text is not exactly one JSON value
     */
    public static JsonValue parse(String text) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new JsonException("no JSON value");
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw new JsonException("trailing characters after the JSON value");
            }
            return value;
        } catch (JsonException e) {
            throw e;
        } catch (RuntimeException e) {
            // e.g. Parsson's depth limit (a plain RuntimeException) or a NumberFormatException
            throw new JsonException("invalid JSON: " + e.getMessage(), e);
        }
    }

    /** The compact JSON text of a value. */
    public static String write(JsonValue value) {
        StringBuilder out = new StringBuilder(64);
        write(value, out);
        return out.toString();
    }

    /** Appends the compact JSON text of a value. */
    public static void write(JsonValue value, StringBuilder out) {
        switch (value.getValueType()) {
            case NULL -> out.append("null");
            case TRUE -> out.append("true");
            case FALSE -> out.append("false");
            case NUMBER -> out.append(JsonNumbers.format((JsonNumber) value));
            case STRING -> writeString(((JsonString) value).getString(), out);
            case ARRAY -> {
                out.append('[');
                boolean first = true;
                for (JsonValue element : (JsonArray) value) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(element, out);
                }
                out.append(']');
            }
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonValue> e : ((JsonObject) value).entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    writeString(e.getKey(), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            }
        }
    }

    /**
     * Appends a quoted JSON string, escaped as {@code JSON.stringify} does: quote, backslash and
     * control characters ({@code \b \f \n \r \t}, others as &#92;u00XX) and lone surrogates as
     * &#92;uDXXX; everything else literally.
     */
    public static void writeString(String s, StringBuilder out) {
        out.append('"');
        int len = s.length();
        int start = 0;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            String escape = null;
            boolean unicode = false;
            if (c < 0x20) {
                switch (c) {
                    case '\b' -> escape = "\\b";
                    case '\f' -> escape = "\\f";
                    case '\n' -> escape = "\\n";
                    case '\r' -> escape = "\\r";
                    case '\t' -> escape = "\\t";
                    default -> unicode = true;
                }
            } else if (c == '"') {
                escape = "\\\"";
            } else if (c == '\\') {
                escape = "\\\\";
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c)
                        && i + 1 < len
                        && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++; // a well-formed pair: both halves literally
                    continue;
                }
                unicode = true;
            } else {
                continue;
            }
            out.append(s, start, i);
            if (unicode) {
                out.append("\\u")
                        .append(HEX[(c >> 12) & 0xF])
                        .append(HEX[(c >> 8) & 0xF])
                        .append(HEX[(c >> 4) & 0xF])
                        .append(HEX[c & 0xF]);
            } else {
                out.append(escape);
            }
            start = i + 1;
        }
        out.append(s, start, len);
        out.append('"');
    }
}
