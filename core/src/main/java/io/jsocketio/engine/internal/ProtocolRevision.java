package io.jsocketio.engine.internal;

import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.parser.Packet;
import io.jsocketio.engine.parser.PacketFormatException;
import java.util.List;

/**
 * What differs between revisions of the Engine.IO protocol, chosen once per session from the {@code
 * EIO} query parameter of its handshake: the polling body format, the WebSocket frame format and
 * the direction of the heartbeat. Revision 4 is {@link ProtocolV4}; revision 3 (length-prefixed
 * payloads, {@code b64}, JSONP, client pings) is {@link ProtocolV3}.
 *
 * <p>Thread-safety: implementations are stateless and safe for concurrent use.
 */
interface ProtocolRevision {

    /** The revision number, the value of {@code EIO}. */
    int version();

    /**
     * Whether the server sends the pings (revision 4) rather than answering the client's pings
     * (revision 3).
     */
    boolean serverPings();

    /** Encodes packets into the body of one polling GET response. */
    PollingBody encodePollingBody(List<Packet> packets, EngineRequest request);

    /**
     * Decodes the body of one polling POST.
     *
     * @throws PacketFormatException when the body or one of its packets is invalid
     */
    List<Packet> decodePollingBody(byte[] body, EngineRequest request);

    /**
     * Decodes a WebSocket text frame.
     *
     * @throws PacketFormatException when it is not a packet
     */
    Packet decodeText(String frame);

    /**
     * Decodes a WebSocket binary frame.
     *
     * @throws PacketFormatException when it is not a packet
     */
    Packet decodeBinary(byte[] frame);

    /**
     * Whether {@code packet} goes out as a binary WebSocket frame ({@link #encodeBinary}), on a
     * WebSocket whose client supports binary ({@code clientSupportsBinary}: no {@code b64}
     * parameter) or not.
     */
    boolean isBinaryFrame(Packet packet, boolean clientSupportsBinary);

    /** The text WebSocket frame of a packet. */
    String encodeText(Packet packet);

    /** The binary WebSocket frame of a packet. */
    byte[] encodeBinary(Packet packet);

    /**
     * An encoded polling response body.
     *
     * @param contentType the Content-Type header value
     * @param bytes the body
     */
    record PollingBody(String contentType, byte[] bytes) {}
}
