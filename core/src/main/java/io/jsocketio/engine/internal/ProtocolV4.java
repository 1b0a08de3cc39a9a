package io.jsocketio.engine.internal;

import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.parser.EngineCodec;
import io.jsocketio.engine.parser.Packet;
import io.jsocketio.engine.parser.PacketFormatException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Engine.IO revision 4: polling bodies are packets joined by {@code U+001E}, binary on polling is
 * {@code b} + base64, binary on WebSocket is a bare binary frame, and the server sends the pings.
 *
 * <p>Thread-safety: stateless.
 */
final class ProtocolV4 implements ProtocolRevision {
    static final ProtocolV4 INSTANCE = new ProtocolV4();

    private static final String TEXT_PLAIN = "text/plain; charset=UTF-8";

    private ProtocolV4() {}

    @Override
    public int version() {
        return 4;
    }

    @Override
    public boolean serverPings() {
        return true;
    }

    @Override
    public PollingBody encodePollingBody(List<Packet> packets, EngineRequest request) {
        return new PollingBody(
                TEXT_PLAIN, EngineCodec.encodePayload(packets).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<Packet> decodePollingBody(byte[] body, EngineRequest request) {
        // v4 clients always send text (binary travels as base64); Node refuses octet-stream bodies
        String type = request.header("content-type").orElse("");
        if (type.toLowerCase(Locale.ROOT).startsWith("application/octet-stream")) {
            throw new PacketFormatException("binary polling body in protocol 4");
        }
        return EngineCodec.decodePayload(new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public Packet decodeText(String frame) {
        return EngineCodec.decodePacket(frame);
    }

    @Override
    public Packet decodeBinary(byte[] frame) {
        return EngineCodec.decodeBinaryFrame(frame);
    }

    @Override
    public boolean isBinaryFrame(Packet packet, boolean clientSupportsBinary) {
        // revision 4 clients always get binary frames; b64 is not looked at
        return packet.isBinary();
    }

    @Override
    public String encodeText(Packet packet) {
        return EngineCodec.encodePacket(packet);
    }

    @Override
    public byte[] encodeBinary(Packet packet) {
        EngineMessage data = packet.data();
        if (data == null || !data.isBinary()) {
            throw new IllegalArgumentException("not a binary packet: " + packet);
        }
        return data.binary();
    }
}
