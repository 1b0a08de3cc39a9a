package io.jsocketio.msgpack.internal;

import io.jsocketio.engine.parser.PacketFormatException;
import io.jsocketio.parser.JsonText;
import io.jsocketio.parser.Placeholders;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessageUnpacker;

/**
 * Reads the MessagePack values of one message as notepack.io does, into JSON with binary values
 * replaced by placeholders and collected in order. {@code undefined} (notepack's fixext 1 of type
 * 0) reads as Java null: left out of maps, {@code null} in arrays.
 *
 * <p>Every length is checked against the bytes left before anything is allocated for it, and
 * nesting is limited, so a hostile message can exhaust neither the heap nor the stack.
 *
 * <p>Thread-safety: not thread-safe; one instance per message.
 */
final class ValueReader {

    /** The deepest nesting of arrays and maps accepted (as Parsson's default for JSON text). */
    static final int MAX_DEPTH = 1000;

    /** The largest time value of a JavaScript Date, in milliseconds either side of the epoch. */
    private static final long MAX_DATE = 8_640_000_000_000_000L;

    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final MessageUnpacker in;
    private final long size;
    private final List<byte[]> attachments = new ArrayList<>();

    ValueReader(MessageUnpacker in, long size) {
        this.in = in;
        this.size = size;
    }

    /** The binary values read so far, in placeholder order. */
    List<byte[]> attachments() {
        return attachments;
    }

    /** The next value; null for {@code undefined}. */
    @Nullable JsonValue read(int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new PacketFormatException("nested deeper than " + MAX_DEPTH);
        }
        MessageFormat format = in.getNextFormat();
        switch (format.getValueType()) {
            case NIL -> {
                in.unpackNil();
                return JsonValue.NULL;
            }
            case BOOLEAN -> {
                return in.unpackBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
            }
            case INTEGER -> {
                if (format == MessageFormat.UINT64) {
                    BigInteger big = in.unpackBigInteger();
                    return big.bitLength() < 64
                            ? JsonText.PROVIDER.createValue(big.longValue())
                            : JsonText.PROVIDER.createValue(big);
                }
                return JsonText.PROVIDER.createValue(in.unpackLong());
            }
            case FLOAT -> {
                return number(in.unpackDouble());
            }
            case STRING -> {
                return JsonText.PROVIDER.createValue(string(in.unpackRawStringHeader()));
            }
            case BINARY -> {
                return binary(in.unpackBinaryHeader());
            }
            case ARRAY -> {
                int n = fits(in.unpackArrayHeader(), 1);
                JsonArrayBuilder array = JsonText.PROVIDER.createArrayBuilder();
                for (int i = 0; i < n; i++) {
                    JsonValue item = read(depth + 1);
                    array.add(item == null ? JsonValue.NULL : item);
                }
                return array.build();
            }
            case MAP -> {
                int n = fits(in.unpackMapHeader(), 2);
                JsonObjectBuilder object = JsonText.PROVIDER.createObjectBuilder();
                Set<String> keys = n > 1 ? new HashSet<>() : Set.of();
                for (int i = 0; i < n; i++) {
                    String key = key();
                    if (n > 1 && !keys.add(key)) {
                        // a JavaScript object never has two; the first value (and any binary in
                        // it) would be dropped
                        throw new PacketFormatException("duplicate map key");
                    }
                    JsonValue value = read(depth + 1);
                    if (value != null) {
                        object.add(key, value);
                    }
                }
                return object.build();
            }
            case EXTENSION -> {
                return extension(format, in.unpackExtensionTypeHeader());
            }
            default -> throw new PacketFormatException("could not parse " + format);
        }
    }

    /** A map key: JavaScript turns any key into a property name; strings and scalars are taken. */
    String key() throws IOException {
        MessageFormat format = in.getNextFormat();
        return switch (format.getValueType()) {
            case STRING -> string(in.unpackRawStringHeader());
            case INTEGER -> in.unpackBigInteger().toString();
            case BOOLEAN -> String.valueOf(in.unpackBoolean());
            case NIL -> {
                in.unpackNil();
                yield "null";
            }
            default -> throw new PacketFormatException("unsupported map key " + format);
        };
    }

    private String string(int length) throws IOException {
        // as Node's Buffer.toString("utf8"): malformed sequences become U+FFFD
        return new String(in.readPayload(fits(length, 1)), StandardCharsets.UTF_8);
    }

    private JsonValue binary(int length) throws IOException {
        attachments.add(in.readPayload(fits(length, 1)));
        return Placeholders.of(attachments.size() - 1);
    }

    /**
     * As JSON.stringify writes a number: non-finite ones as null, integral ones without fraction.
     */
    private static JsonValue number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return JsonValue.NULL;
        }
        if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            return JsonText.PROVIDER.createValue((long) d);
        }
        return JsonText.PROVIDER.createValue(d);
    }

    private @Nullable JsonValue extension(MessageFormat format, ExtensionTypeHeader header)
            throws IOException {
        int length = fits(header.getLength(), 1);
        byte type = header.getType();
        if (type == 0) {
            switch (format) {
                case EXT8, EXT16, EXT32 -> {
                    return binary(length); // a Node ArrayBuffer
                }
                case FIXEXT1 -> {
                    in.readPayload(length);
                    return null; // undefined
                }
                case FIXEXT8 -> {
                    return date(in.readPayload(length));
                }
                default -> {}
            }
        }
        JsonValue bytes = binary(length);
        return JsonText.PROVIDER.createArrayBuilder().add(type).add(bytes).build();
    }

    /** notepack's Date (8 bytes: signed high 32 bits, unsigned low 32 bits of the time in ms). */
    private static JsonValue date(byte[] b) {
        long hi =
                ((b[0] & 0xffL) << 24
                        | (b[1] & 0xffL) << 16
                        | (b[2] & 0xffL) << 8
                        | (b[3] & 0xffL));
        long lo =
                ((b[4] & 0xffL) << 24
                        | (b[5] & 0xffL) << 16
                        | (b[6] & 0xffL) << 8
                        | (b[7] & 0xffL));
        long millis = (long) (int) hi * 0x1_0000_0000L + lo;
        if (Math.abs(millis) > MAX_DATE) {
            return JsonValue.NULL; // an invalid Date: toJSON() gives null
        }
        Instant instant = Instant.ofEpochMilli(millis);
        int year = instant.atZone(ZoneOffset.UTC).getYear();
        if (year >= 0 && year <= 9999) {
            return JsonText.PROVIDER.createValue(ISO.format(instant));
        }
        // JavaScript's expanded years: a sign and six digits
        String rest = ISO.format(instant.atZone(ZoneOffset.UTC).withYear(2000));
        return JsonText.PROVIDER.createValue(
                (year < 0 ? "-" : "+") + String.format("%06d", Math.abs(year)) + rest.substring(4));
    }

    /** {@code count} elements of at least {@code bytesEach} bytes fit in what is left. */
    private int fits(int count, int bytesEach) {
        long left = size - in.getTotalReadBytes();
        if (count < 0 || (long) count * bytesEach > left) {
            throw new PacketFormatException(
                    "declared length " + Integer.toUnsignedString(count) + " exceeds the message");
        }
        return count;
    }
}
