package io.jsocketio.redis.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * MessagePack as npm {@code notepack.io} writes and reads it, over plain Java values: null,
 * Boolean, Long, Double, String, byte[] (msgpack bin), List and Map with String keys (insertion
 * order). Any {@link Number} is accepted when encoding; integral values are written as integers.
 *
 * <p>Thread-safety: stateless.
 */
public final class Msgpack {
    /** The deepest nesting of arrays and maps accepted in one message. */
    static final int MAX_DEPTH = 100;

    private Msgpack() {}

    /** Encodes a value tree. */
    public static byte[] encode(@Nullable Object value) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            write(packer, value);
            return packer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(MessageBufferPacker p, @Nullable Object v) throws IOException {
        if (v == null) {
            p.packNil();
        } else if (v instanceof String s) {
            p.packString(s);
        } else if (v instanceof Boolean b) {
            p.packBoolean(b);
        } else if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 0x1p53) {
                p.packLong((long) d);
            } else {
                p.packDouble(d);
            }
        } else if (v instanceof BigInteger big) {
            if (big.bitLength() < 64) {
                p.packLong(big.longValue());
            } else {
                p.packDouble(big.doubleValue());
            }
        } else if (v instanceof Number n) {
            p.packLong(n.longValue());
        } else if (v instanceof byte[] bytes) {
            p.packBinaryHeader(bytes.length);
            p.writePayload(bytes);
        } else if (v instanceof List<?> list) {
            p.packArrayHeader(list.size());
            for (Object item : list) {
                write(p, item);
            }
        } else if (v instanceof Map<?, ?> map) {
            p.packMapHeader(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                p.packString(String.valueOf(e.getKey()));
                write(p, e.getValue());
            }
        } else {
            throw new IllegalArgumentException("cannot encode " + v.getClass().getName());
        }
    }

    /**
     * Decodes one value tree.
     *
     * @throws IllegalArgumentException when the bytes are not MessagePack
     */
    public static @Nullable Object decode(byte[] bytes) {
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(bytes)) {
            return read(u, bytes.length, 0);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("malformed msgpack: " + e.getMessage(), e);
        }
    }

    /**
     * Reads one value of a message of {@code size} bytes. A length or count is checked against the
     * bytes left before anything is allocated for it (each element takes at least one byte), and
     * nesting is limited to {@value #MAX_DEPTH} levels, so a hostile message can neither exhaust
     * the heap nor the stack.
     */
    private static int fits(int count, int bytesEach, MessageUnpacker u, int size)
            throws IOException {
        long left = size - u.getTotalReadBytes();
        if (count < 0 || (long) count * bytesEach > left) {
            throw new IOException("declared length " + count + " exceeds the message");
        }
        return count;
    }

    private static @Nullable Object read(MessageUnpacker u, int size, int depth)
            throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("nested deeper than " + MAX_DEPTH);
        }
        MessageFormat format = u.getNextFormat();
        ValueType type = format.getValueType();
        switch (type) {
            case NIL -> {
                u.unpackNil();
                return null;
            }
            case BOOLEAN -> {
                return u.unpackBoolean();
            }
            case INTEGER -> {
                if (format == MessageFormat.UINT64) {
                    BigInteger big = u.unpackBigInteger();
                    return big.bitLength() < 64 ? (Object) big.longValue() : big.doubleValue();
                }
                return u.unpackLong();
            }
            case FLOAT -> {
                return u.unpackDouble();
            }
            case STRING -> {
                int len = fits(u.unpackRawStringHeader(), 1, u, size);
                return new String(u.readPayload(len), StandardCharsets.UTF_8);
            }
            case BINARY -> {
                int len = fits(u.unpackBinaryHeader(), 1, u, size);
                return u.readPayload(len);
            }
            case ARRAY -> {
                int n = fits(u.unpackArrayHeader(), 1, u, size);
                List<@Nullable Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(read(u, size, depth + 1));
                }
                return list;
            }
            case MAP -> {
                int n = fits(u.unpackMapHeader(), 2, u, size);
                Map<String, @Nullable Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    Object key = read(u, size, depth + 1);
                    map.put(String.valueOf(key), read(u, size, depth + 1));
                }
                return map;
            }
            case EXTENSION -> {
                // notepack writes undefined as fixext 1 type 0 and Date as an extension: neither
                // has a JSON equivalent; both read as null
                var header = u.unpackExtensionTypeHeader();
                u.readPayload(fits(header.getLength(), 1, u, size));
                return null;
            }
            default -> throw new IOException("unsupported msgpack type " + type);
        }
    }
}
