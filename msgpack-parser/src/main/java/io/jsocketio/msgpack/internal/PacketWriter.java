package io.jsocketio.msgpack.internal;

import io.jsocketio.parser.Placeholders;
import io.jsocketio.parser.SocketPacket;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * Writes a packet as the MessagePack map Node's server hands to {@code notepack.io}: the keys in
 * Node's order ({@code type, data, id, nsp}; an ACK starts with {@code id}), {@code data} and
 * {@code id} only when present, BINARY_EVENT and BINARY_ACK written as EVENT (2) and ACK (3), and
 * every placeholder replaced by its attachment as {@code bin}.
 *
 * <p>Thread-safety: stateless.
 */
public final class PacketWriter {

    private PacketWriter() {}

    /**
     * The packet's bytes.
     *
     * @throws IllegalArgumentException when the ack id is negative
     */
    public static byte[] write(SocketPacket packet) {
        Long id = packet.id();
        if (id != null && id < 0) {
            throw new IllegalArgumentException("negative ack id: " + id);
        }
        JsonValue data = packet.data();
        int type =
                switch (packet.type()) {
                    case CONNECT -> 0;
                    case DISCONNECT -> 1;
                    case EVENT, BINARY_EVENT -> 2;
                    case ACK, BINARY_ACK -> 3;
                    case CONNECT_ERROR -> 4;
                };
        boolean ackFirst = type == 3 && id != null;
        try (MessageBufferPacker out = MessagePack.newDefaultBufferPacker()) {
            out.packMapHeader(2 + (data != null ? 1 : 0) + (id != null ? 1 : 0));
            if (ackFirst) {
                out.packString("id").packLong(id);
            }
            out.packString("type").packInt(type);
            if (data != null) {
                out.packString("data");
                writeValue(out, data, packet.attachments());
            }
            if (id != null && !ackFirst) {
                out.packString("id").packLong(id);
            }
            out.packString("nsp").packString(packet.namespace());
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a buffer packer does no I/O
        }
    }

    private static void writeValue(MessageBufferPacker out, JsonValue value, List<byte[]> bins)
            throws IOException {
        switch (value.getValueType()) {
            case NULL -> out.packNil();
            case TRUE -> out.packBoolean(true);
            case FALSE -> out.packBoolean(false);
            case STRING -> out.packString(((JsonString) value).getString());
            case NUMBER -> writeNumber(out, (JsonNumber) value);
            case ARRAY -> {
                JsonArray array = (JsonArray) value;
                out.packArrayHeader(array.size());
                for (JsonValue item : array) {
                    writeValue(out, item, bins);
                }
            }
            case OBJECT -> {
                JsonObject object = (JsonObject) value;
                int index = Placeholders.index(object, bins.size());
                if (index >= 0) {
                    byte[] bin = bins.get(index);
                    out.packBinaryHeader(bin.length);
                    out.writePayload(bin);
                    return;
                }
                out.packMapHeader(object.size());
                for (Map.Entry<String, JsonValue> e : object.entrySet()) {
                    out.packString(e.getKey());
                    writeValue(out, e.getValue(), bins);
                }
            }
        }
    }

    /**
     * As notepack.io writes a JavaScript number: an integral value in the smallest integer format,
     * any other as float 64. An integer beyond the long range goes out as uint 64 when it fits
     * there (so what was read is written back), else as float 64.
     */
    private static void writeNumber(MessageBufferPacker out, JsonNumber n) throws IOException {
        if (n.isIntegral()) {
            try {
                out.packLong(n.longValueExact());
            } catch (ArithmeticException beyondLong) {
                writeBig(out, n.bigIntegerValue());
            }
            return;
        }
        BigDecimal exact = n.bigDecimalValue();
        if (exact.signum() == 0) {
            out.packLong(0);
            return;
        }
        BigDecimal stripped = exact.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 19) {
            writeBig(out, stripped.toBigIntegerExact());
            return;
        }
        out.packDouble(n.doubleValue());
    }

    /** An integer beyond the long range: uint 64 when it fits (as read), else float 64. */
    private static void writeBig(MessageBufferPacker out, BigInteger big) throws IOException {
        if (big.signum() >= 0 && big.bitLength() <= 64) {
            out.packBigInteger(big);
        } else if (big.bitLength() < 64) {
            out.packLong(big.longValueExact());
        } else {
            out.packDouble(big.doubleValue());
        }
    }
}
