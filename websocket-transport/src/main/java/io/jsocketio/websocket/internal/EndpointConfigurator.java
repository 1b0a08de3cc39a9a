package io.jsocketio.websocket.internal;

import io.jsocketio.engine.EngineMount;
import io.jsocketio.servlet.internal.RequestSnapshot;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Captures each handshake into a request snapshot (stored in the per-connection user properties)
 * and lets the engine add its headers to the upgrade response (the {@code cookie} option, the
 * {@code initial_headers} and {@code headers} listeners), reserving the session id of a new
 * session, creates one {@link EngineEndpoint} per connection, and offers {@code permessage-deflate}
 * only when the engine's {@code perMessageDeflate} option is on (the Node server's default is off).
 * Origins are not checked here: the engine decides on every request.
 *
 * <p>Thread-safety: immutable; the container calls it concurrently for many handshakes.
 */
public final class EndpointConfigurator extends ServerEndpointConfig.Configurator {
    private final EngineMount mount;

    /** A configurator for the mount's endpoint. */
    public EndpointConfigurator(EngineMount mount) {
        this.mount = mount;
    }

    @Override
    public void modifyHandshake(
            ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        RequestSnapshot snapshot =
                HandshakeRequests.snapshot(mount.path(), request, mount.engine().options().roles());
        config.getUserProperties().put(HandshakeRequests.SNAPSHOT, snapshot);
        Map<String, String> headers = new LinkedHashMap<>();
        String reserved = mount.engine().prepareWebSocket(snapshot, headers);
        if (reserved != null) {
            config.getUserProperties().put(HandshakeRequests.RESERVED_ID, reserved);
        }
        headers.forEach((name, value) -> response.getHeaders().put(name, List.of(value)));
    }

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return true;
    }

    @Override
    public List<Extension> getNegotiatedExtensions(
            List<Extension> installed, List<Extension> requested) {
        if (!mount.engine().options().perMessageDeflate()) {
            return List.of();
        }
        return super.getNegotiatedExtensions(installed, requested);
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        if (!endpointClass.isAssignableFrom(EngineEndpoint.class)) {
            throw new InstantiationException("not an engine endpoint: " + endpointClass);
        }
        return endpointClass.cast(new EngineEndpoint(mount));
    }
}
