package io.jsocketio.internal.json;

import io.jsocketio.parser.SocketPacket;
import io.jsocketio.parser.SocketPacketType;
import jakarta.json.JsonArray;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Outbound arguments mapped to JSON: the array that goes into an EVENT or ACK packet, with every
 * binary value replaced by a placeholder, and the binary values in placeholder order.
 *
 * <p>Thread-safety: immutable; the attachment arrays are shared and must not be modified.
 *
 * @param data the JSON array with placeholders
 * @param attachments the binary values; {@code attachments().get(N)} belongs to placeholder N
 */
public record Payload(JsonArray data, List<byte[]> attachments) {

    public Payload {
        Objects.requireNonNull(data, "data");
        attachments = List.copyOf(attachments);
    }

    /** Whether there is at least one binary value. */
    public boolean hasBinary() {
        return !attachments.isEmpty();
    }

    /**
     * An EVENT packet carrying this payload (BINARY_EVENT when there are attachments). The payload
     * must start with the event name.
     */
    public SocketPacket event(String namespace, @Nullable Long ackId) {
        return new SocketPacket(
                hasBinary() ? SocketPacketType.BINARY_EVENT : SocketPacketType.EVENT,
                namespace,
                ackId,
                data,
                attachments);
    }

    /** An ACK packet carrying this payload (BINARY_ACK when there are attachments). */
    public SocketPacket ack(String namespace, long ackId) {
        return new SocketPacket(
                hasBinary() ? SocketPacketType.BINARY_ACK : SocketPacketType.ACK,
                namespace,
                ackId,
                data,
                attachments);
    }
}
