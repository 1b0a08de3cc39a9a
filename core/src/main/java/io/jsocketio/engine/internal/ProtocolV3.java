package io.jsocketio.engine.internal;

import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.parser.EngineCodecV3;
import io.jsocketio.engine.parser.Packet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Engine.IO revision 3 (socket.io-client 1.x/2.x, served only with {@code allowEIO3}): polling
 * bodies are length-prefixed string payloads, or XHR2 binary payloads when the client supports
 * binary; JSONP polling when the handshake had a {@code j} parameter; binary WebSocket frames carry
 * the type byte; the client sends the pings.
 *
 * <p>As in Node, the polling format is fixed at the handshake: {@code b64} and {@code j} are read
 * from the handshake request only (the 2.x clients send {@code b64=1} on the handshake alone). Over
 * WebSocket, {@code b64} is read from the WebSocket's own request.
 *
 * <p>Thread-safety: immutable.
 */
final class ProtocolV3 implements ProtocolRevision {
    private static final String TEXT_PLAIN = "text/plain; charset=UTF-8";
    private static final String OCTET_STREAM = "application/octet-stream";

    private final boolean pollingBinary;
    private final @Nullable String jsonpIndex;

    private ProtocolV3(boolean pollingBinary, @Nullable String jsonpIndex) {
        this.pollingBinary = pollingBinary;
        this.jsonpIndex = jsonpIndex;
    }

    /** The revision of a session opened by {@code handshake}. */
    static ProtocolV3 forHandshake(EngineRequest handshake) {
        String j = handshake.query("j").orElse(null);
        return new ProtocolV3(j == null && supportsBinary(handshake), j);
    }

    /** Whether a client supports binary: its request has no {@code b64} parameter. */
    static boolean supportsBinary(EngineRequest request) {
        return request.query("b64").isEmpty();
    }

    /** Whether the session polls with JSONP. */
    boolean isJsonp() {
        return jsonpIndex != null;
    }

    @Override
    public int version() {
        return 3;
    }

    @Override
    public boolean serverPings() {
        return false;
    }

    @Override
    public PollingBody encodePollingBody(List<Packet> packets, EngineRequest request) {
        if (jsonpIndex != null) {
            String script =
                    EngineCodecV3.encodeJsonp(jsonpIndex, EngineCodecV3.encodePayload(packets));
            return new PollingBody(TEXT_PLAIN, script.getBytes(StandardCharsets.UTF_8));
        }
        if (EngineCodecV3.usesBinaryPayload(packets, pollingBinary)) {
            return new PollingBody(OCTET_STREAM, EngineCodecV3.encodeBinaryPayload(packets));
        }
        return new PollingBody(
                TEXT_PLAIN, EngineCodecV3.encodePayload(packets).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<Packet> decodePollingBody(byte[] body, EngineRequest request) {
        if (jsonpIndex != null) {
            // Node ignores a form without exactly one d field and still answers ok
            Optional<String> d =
                    EngineCodecV3.decodeJsonpBody(new String(body, StandardCharsets.UTF_8));
            return d.isPresent() ? EngineCodecV3.decodePayload(d.get()) : List.of();
        }
        // as Node: only this exact Content-Type marks a binary payload
        if (OCTET_STREAM.equals(request.header("content-type").orElse(""))) {
            return EngineCodecV3.decodeBinaryPayload(body);
        }
        return EngineCodecV3.decodePayload(new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public Packet decodeText(String frame) {
        return EngineCodecV3.decodePacket(frame);
    }

    @Override
    public Packet decodeBinary(byte[] frame) {
        return EngineCodecV3.decodeBinaryFrame(frame);
    }

    @Override
    public boolean isBinaryFrame(Packet packet, boolean clientSupportsBinary) {
        return clientSupportsBinary && packet.isBinary();
    }

    @Override
    public String encodeText(Packet packet) {
        return EngineCodecV3.encodePacket(packet);
    }

    @Override
    public byte[] encodeBinary(Packet packet) {
        return EngineCodecV3.encodeBinaryFrame(packet);
    }

    @Override
    public String toString() {
        return "ProtocolV3[binary=" + pollingBinary + ", jsonp=" + jsonpIndex + "]";
    }
}
