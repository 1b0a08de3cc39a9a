package io.jsocketio.internal.json;

import io.jsocketio.parser.JsonNumbers;
import io.jsocketio.parser.Placeholders;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * JSON-B (de)serializers that make binary values inside records and beans into attachments, and
 * write doubles as JavaScript does. The attachment list of the current mapping call travels in a
 * thread-local, set by {@link #withAttachments} around one synchronous JSON-B call.
 *
 * <p>Thread-safety: the (de)serializers are stateless and shared; the thread-local is per thread.
 */
final class BinaryBinding {

    private static final ThreadLocal<@Nullable List<byte[]>> ATTACHMENTS = new ThreadLocal<>();

    private BinaryBinding() {}

    /** Runs one JSON-B call with {@code attachments} as the current attachment list. */
    static <T> T withAttachments(List<byte[]> attachments, Supplier<T> call) {
        List<byte[]> previous = ATTACHMENTS.get();
        ATTACHMENTS.set(attachments);
        try {
            return call.get();
        } finally {
            if (previous == null) {
                ATTACHMENTS.remove();
            } else {
                ATTACHMENTS.set(previous);
            }
        }
    }

    private static List<byte[]> current() {
        List<byte[]> list = ATTACHMENTS.get();
        if (list == null) {
            throw new JsonbException("binary value outside of a jsocketio mapping call");
        }
        return list;
    }

    private static void writePlaceholder(byte[] bytes, JsonGenerator generator) {
        List<byte[]> list = current();
        int num = list.size();
        list.add(bytes);
        generator.writeStartObject();
        generator.write(Placeholders.PLACEHOLDER, true);
        generator.write(Placeholders.NUM, num);
        generator.writeEnd();
    }

    static byte[] copy(ByteBuffer buffer) {
        ByteBuffer view = buffer.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }

    private static byte[] readBinary(JsonParser parser, DeserializationContext ctx) {
        // Yasson's parser does not support currentEvent(): read the whole value instead
        JsonValue value = ctx.deserialize(JsonValue.class, parser);
        if (value instanceof JsonObject) {
            List<byte[]> list = current();
            int index = Placeholders.index(value, list.size());
            if (index < 0) {
                throw new JsonbException("expected a binary value, got an object");
            }
            return list.get(index);
        }
        if (value instanceof JsonArray array) {
            byte[] bytes = new byte[array.size()];
            for (int i = 0; i < bytes.length; i++) {
                if (!(array.get(i) instanceof JsonNumber n)) {
                    throw new JsonbException("expected an array of bytes");
                }
                bytes[i] = (byte) n.intValue();
            }
            return bytes;
        }
        if (value instanceof JsonString s) {
            try {
                return Base64.getDecoder().decode(s.getString());
            } catch (IllegalArgumentException e) {
                throw new JsonbException("expected a binary value, got a string", e);
            }
        }
        throw new JsonbException("expected a binary value, got " + value.getValueType());
    }

    /** byte[] out: a placeholder, the bytes to the attachments. */
    static final class ByteArraySerializer implements JsonbSerializer<byte[]> {
        @Override
        public void serialize(byte[] obj, JsonGenerator generator, SerializationContext ctx) {
            writePlaceholder(obj, generator);
        }
    }

    /** ByteBuffer out: its remaining bytes as an attachment (position unchanged). */
    static final class ByteBufferSerializer implements JsonbSerializer<ByteBuffer> {
        @Override
        public void serialize(ByteBuffer obj, JsonGenerator generator, SerializationContext ctx) {
            writePlaceholder(copy(obj), generator);
        }
    }

    /** Double out: as JavaScript writes it; NaN and infinities as null. */
    static final class DoubleSerializer implements JsonbSerializer<Double> {
        @Override
        public void serialize(Double obj, JsonGenerator generator, SerializationContext ctx) {
            if (Double.isFinite(obj)) {
                generator.write(JsonNumbers.jsDecimal(obj));
            } else {
                generator.writeNull();
            }
        }
    }

    /** Float out: at its own decimal value; NaN and infinities as null. */
    static final class FloatSerializer implements JsonbSerializer<Float> {
        @Override
        public void serialize(Float obj, JsonGenerator generator, SerializationContext ctx) {
            generator.write(JsonNumbers.ofFloat(obj));
        }
    }

    /**
     * byte[] in: a placeholder resolved against the packet's attachments; an array of numbers or a
     * base64 string are accepted too.
     */
    static final class ByteArrayDeserializer implements JsonbDeserializer<byte[]> {
        @Override
        public byte[] deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            return readBinary(parser, ctx);
        }
    }

    /** ByteBuffer in: as byte[], wrapped read-only. */
    static final class ByteBufferDeserializer implements JsonbDeserializer<ByteBuffer> {
        @Override
        public ByteBuffer deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
            return ByteBuffer.wrap(readBinary(parser, ctx)).asReadOnlyBuffer();
        }
    }
}
