package io.jsocketio.examples.chat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jsocketio.Server;
import io.jsocketio.admin.AdminUi;
import io.jsocketio.admin.AdminUiOptions;
import io.jsocketio.micrometer.SocketIoMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The chat's operations side: the Socket.IO Admin UI (namespace {@code /admin}, login {@code admin}
 * with the password of {@code ADMIN_PASSWORD} or a random one, UI at {@code /admin/} of the chat's
 * port) and Micrometer meters in Prometheus text at {@code /metrics} on a management port of its
 * own (the JDK's HTTP server; the embedded Socket.IO server serves only Socket.IO and static
 * files).
 *
 * <p>Thread-safety: safe for concurrent use; {@link #close()} is idempotent.
 */
final class ChatOps implements AutoCloseable {
    private final String password;
    private final HttpServer metrics;

    private ChatOps(String password, HttpServer metrics) {
        this.password = password;
        this.metrics = metrics;
    }

    /**
     * Instruments {@code io} for the admin UI and serves its meters at {@code
     * http://host:metricsPort/metrics} (port 0 picks a free port).
     */
    static ChatOps install(Server io, @Nullable String password, String host, int metricsPort) {
        String pw = password != null && !password.isBlank() ? password : randomPassword();
        AdminUi.instrument(
                io,
                AdminUiOptions.builder()
                        .basicAuth("admin", BCrypt.hashpw(pw, BCrypt.gensalt(10)))
                        .serverId("chat")
                        .build());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new SocketIoMetrics(io).bindTo(registry);
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(host, metricsPort), 0);
            http.createContext("/metrics", exchange -> scrape(exchange, registry));
            http.start();
            return new ChatOps(pw, http);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve /metrics on port " + metricsPort, e);
        }
    }

    private static void scrape(HttpExchange exchange, PrometheusMeterRegistry registry)
            throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders()
                    .set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** The port of {@code /metrics}. */
    int metricsPort() {
        return metrics.getAddress().getPort();
    }

    @Override
    public void close() {
        metrics.stop(0);
    }

    /** The admin UI's password. */
    String password() {
        return password;
    }

    private static String randomPassword() {
        String letters = "abcdefghijkmnpqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            b.append(letters.charAt(random.nextInt(letters.length())));
        }
        return b.toString();
    }
}
