package io.jsocketio.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsocketio.ConnectionStateRecovery;
import io.jsocketio.ServerOptions;
import io.jsocketio.engine.CorsOptions;
import io.jsocketio.engine.EngineOptions;
import io.jsocketio.engine.OriginPolicy;
import io.jsocketio.engine.TransportType;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Every {@code jsocketio.*} property, bound as Spring binds {@code application.properties}, lands
 * in the server's options; unset ones keep the Node server's defaults.
 */
class SocketIoPropertiesTest {

    private static ServerOptions options(Map<String, String> properties) {
        SocketIoProperties bound =
                new Binder(new MapConfigurationPropertySource(properties))
                        .bindOrCreate("jsocketio", SocketIoProperties.class);
        return bound.applyTo(ServerOptions.builder()).build();
    }

    @Test
    void everyPropertyIsApplied() {
        ServerOptions options =
                options(
                        Map.ofEntries(
                                Map.entry("jsocketio.path", "/rt/"),
                                Map.entry("jsocketio.serve-client", "false"),
                                Map.entry("jsocketio.allow-eio3", "true"),
                                Map.entry("jsocketio.connect-timeout", "5s"),
                                Map.entry("jsocketio.transports", "websocket"),
                                Map.entry("jsocketio.cors.origins", "https://a.example"),
                                Map.entry("jsocketio.cors.credentials", "true"),
                                Map.entry("jsocketio.cors.methods", "GET,POST"),
                                Map.entry("jsocketio.cors.allowed-headers", "x-token"),
                                Map.entry("jsocketio.cors.exposed-headers", "x-trace"),
                                Map.entry("jsocketio.cors.max-age", "10m"),
                                Map.entry("jsocketio.heartbeat.ping-interval", "3s"),
                                Map.entry("jsocketio.heartbeat.ping-timeout", "2s"),
                                Map.entry("jsocketio.heartbeat.upgrade-timeout", "1s"),
                                Map.entry("jsocketio.limits.max-http-buffer-size", "2KB"),
                                Map.entry("jsocketio.limits.max-buffered-outbound", "1MB"),
                                Map.entry("jsocketio.limits.max-queued-inbound", "16"),
                                Map.entry("jsocketio.connection-state-recovery.enabled", "true")));
        EngineOptions engine = options.engineOptions();
        assertThat(options.path()).isEqualTo("/rt/");
        assertThat(options.serveClient()).isFalse();
        assertThat(engine.allowEIO3()).isTrue();
        assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(engine.transports()).isEqualTo(Set.of(TransportType.WEBSOCKET));
        CorsOptions cors = engine.cors();
        assertThat(cors).isNotNull();
        // an allow-list does not look at the request
        assertThat(cors.origin().allows("https://a.example", null)).isTrue();
        assertThat(cors.origin().allows("https://b.example", null)).isFalse();
        assertThat(cors.credentials()).isTrue();
        assertThat(cors.methods()).containsExactly("GET", "POST");
        assertThat(cors.allowedHeaders()).containsExactly("x-token");
        assertThat(cors.exposedHeaders()).containsExactly("x-trace");
        assertThat(cors.maxAge()).isEqualTo(Duration.ofMinutes(10));
        assertThat(engine.pingInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(engine.pingTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(engine.upgradeTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(engine.maxHttpBufferSize()).isEqualTo(2048);
        assertThat(engine.maxBufferedOutbound()).isEqualTo(1024 * 1024);
        assertThat(engine.maxQueuedInbound()).isEqualTo(16);
        assertThat(options.connectionStateRecovery()).isEqualTo(ConnectionStateRecovery.DEFAULTS);
    }

    @Test
    void unsetPropertiesKeepTheNodeDefaults() {
        ServerOptions options = options(Map.of());
        ServerOptions defaults = ServerOptions.builder().build();
        EngineOptions engine = options.engineOptions();
        assertThat(options.path()).isEqualTo("/socket.io/");
        assertThat(options.serveClient()).isTrue();
        assertThat(options.connectTimeout()).isEqualTo(defaults.connectTimeout());
        assertThat(options.connectionStateRecovery()).isNull();
        assertThat(engine.cors()).isNull();
        assertThat(engine.allowEIO3()).isFalse();
        assertThat(engine.transports()).isEqualTo(defaults.engineOptions().transports());
        assertThat(engine.pingInterval()).isEqualTo(Duration.ofSeconds(25));
        assertThat(engine.pingTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(engine.maxHttpBufferSize()).isEqualTo(1_000_000);
        assertThat(engine.maxQueuedInbound())
                .isEqualTo(defaults.engineOptions().maxQueuedInbound());
    }

    @Test
    void anyOriginAndTheDefaultMethods() {
        CorsOptions cors = options(Map.of("jsocketio.cors.origins", "*")).engineOptions().cors();
        assertThat(cors).isNotNull();
        assertThat(cors.origin()).isSameAs(OriginPolicy.any());
        assertThat(cors.methods()).isEqualTo(CorsOptions.anyOrigin().methods());
        assertThat(cors.credentials()).isFalse();
        assertThat(cors.maxAge()).isNull();
    }

    @Test
    void anUnknownTransportIsRefused() {
        assertThatThrownBy(() -> options(Map.of("jsocketio.transports", "carrier-pigeon")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
