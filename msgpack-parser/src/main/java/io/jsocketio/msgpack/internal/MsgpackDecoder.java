package io.jsocketio.msgpack.internal;

import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.parser.PacketFormatException;
import io.jsocketio.parser.PacketDecoder;
import io.jsocketio.parser.SocketPacket;
import io.jsocketio.parser.SocketPacketDecoder;
import io.jsocketio.parser.SocketPacketType;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Decodes one binary message into one packet, with the checks of npm {@code
 * socket.io-msgpack-parser} (see {@link io.jsocketio.msgpack.MsgpackParser}). Every failure is a
 * {@link PacketFormatException}.
 *
 * <p>Thread-safety: keeps no state between messages; called by one thread at a time.
 */
public final class MsgpackDecoder implements PacketDecoder {

    private static final SocketPacketType[] TYPES = {
        SocketPacketType.CONNECT,
        SocketPacketType.DISCONNECT,
        SocketPacketType.EVENT,
        SocketPacketType.ACK,
        SocketPacketType.CONNECT_ERROR
    };

    @Override
    public SocketPacket add(EngineMessage message) {
        if (!message.isBinary()) {
            throw new PacketFormatException("text message: this parser reads binary messages");
        }
        byte[] bytes = message.binary();
        try (MessageUnpacker in = MessagePack.newDefaultUnpacker(bytes)) {
            SocketPacket packet = decode(in, bytes.length);
            if (in.hasNext()) {
                throw new PacketFormatException(
                        (bytes.length - in.getTotalReadBytes()) + " trailing bytes");
            }
            return packet;
        } catch (PacketFormatException e) {
            throw e;
        } catch (IOException | MessagePackException e) {
            throw new PacketFormatException("could not parse: " + e.getMessage());
        }
    }

    private static SocketPacket decode(MessageUnpacker in, int size) throws IOException {
        if (in.getNextFormat().getValueType() != ValueType.MAP) {
            throw new PacketFormatException("invalid packet type");
        }
        ValueReader reader = new ValueReader(in, size);
        int fields = in.unpackMapHeader();
        @Nullable JsonValue type = null;
        @Nullable JsonValue nsp = null;
        @Nullable JsonValue data = null;
        @Nullable JsonValue id = null;
        boolean dataIsMap = false;
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < fields; i++) {
            String key = reader.key();
            if (!keys.add(key)) {
                // so a field read once is the one checked (an invalid one may hold binary)
                throw new PacketFormatException("duplicate map key");
            }
            switch (key) {
                case "type" -> type = reader.read(1);
                case "nsp" -> nsp = reader.read(1);
                case "id" -> id = reader.read(1);
                case "data" -> {
                    dataIsMap = in.getNextFormat().getValueType() == ValueType.MAP;
                    data = reader.read(1);
                }
                default -> in.skipValue(); // the client's own fields (e.g. "options")
            }
        }
        SocketPacketType packetType = type(type);
        String namespace = namespace(nsp);
        if (!isDataValid(packetType, data, dataIsMap)) {
            throw new PacketFormatException("invalid payload");
        }
        Long ackId = ackId(id);
        List<byte[]> attachments = reader.attachments();
        if (!attachments.isEmpty()) {
            if (packetType == SocketPacketType.EVENT) {
                packetType = SocketPacketType.BINARY_EVENT;
            } else if (packetType == SocketPacketType.ACK) {
                packetType = SocketPacketType.BINARY_ACK;
            }
        }
        return new SocketPacket(packetType, namespace, ackId, data, attachments);
    }

    private static SocketPacketType type(@Nullable JsonValue type) {
        Long t = integer(type);
        if (t == null || t < 0 || t >= TYPES.length) {
            throw new PacketFormatException("invalid packet type");
        }
        return TYPES[t.intValue()];
    }

    private static String namespace(@Nullable JsonValue nsp) {
        if (!(nsp instanceof JsonString s)) {
            throw new PacketFormatException("invalid namespace");
        }
        String name = s.getString();
        if (!name.startsWith("/")) {
            throw new PacketFormatException("invalid namespace");
        }
        return name;
    }

    /** Node's isDataValid; an EVENT also needs an event name, as with the default parser. */
    private static boolean isDataValid(
            SocketPacketType type, @Nullable JsonValue data, boolean isMap) {
        return switch (type) {
            case CONNECT -> data == null || (isMap && data instanceof JsonObject);
            case DISCONNECT -> data == null;
            case CONNECT_ERROR ->
                    data instanceof JsonString || (isMap && data instanceof JsonObject);
            case EVENT -> SocketPacketDecoder.isEventPayload(data);
            default -> data instanceof JsonArray;
        };
    }

    private static @Nullable Long ackId(@Nullable JsonValue id) {
        if (id == null) {
            return null;
        }
        Long value = integer(id);
        if (value == null || value < 0) {
            throw new PacketFormatException("invalid packet id");
        }
        return value;
    }

    /** The value as a long when it is an integral number in the long range, else null. */
    private static @Nullable Long integer(@Nullable JsonValue value) {
        if (!(value instanceof JsonNumber n)) {
            return null;
        }
        if (!n.isIntegral()) {
            return null; // ValueReader reads an integral float as an integer already
        }
        try {
            return n.longValueExact();
        } catch (ArithmeticException beyondLong) {
            return null;
        }
    }

    @Override
    public boolean isReconstructing() {
        return false;
    }

    @Override
    public void reset() {
        // nothing is kept between messages
    }
}
