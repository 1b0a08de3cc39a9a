package io.jsocketio.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContainerInitializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ServiceLoader;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The UI in a servlet container, as in a WAR: the initializer found through {@code
 * META-INF/services} maps {@link AdminUiServlet} at the configured path.
 */
class AdminUiServletTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private Server jetty;
    private String base;

    @BeforeEach
    void start() throws Exception {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/app");
        context.setInitParameter(AdminUiInitializer.PATH_PARAM, "/ops/ui/");
        ServletContainerInitializer sci =
                ServiceLoader.load(ServletContainerInitializer.class).stream()
                        .map(ServiceLoader.Provider::get)
                        .filter(AdminUiInitializer.class::isInstance)
                        .findFirst()
                        .orElseThrow();
        context.addServletContainerInitializer(sci, new Class<?>[0]);
        jetty.setHandler(context);
        jetty.start();
        base = "http://127.0.0.1:" + connector.getLocalPort() + "/app/ops/ui";
    }

    @AfterEach
    void stop() throws Exception {
        jetty.stop();
    }

    private HttpResponse<String> get(String url, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePageWithAnEtagAndRedirectsThePathWithoutSlash() throws Exception {
        HttpResponse<String> redirect = get(base, null);
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("location").orElseThrow())
                .endsWith("/app/ops/ui/");

        HttpResponse<String> page = get(base + "/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("cache-control")).hasValue("public, max-age=0");
        assertThat(page.body()).contains("<title>Socket.IO Admin UI</title>");
        String etag = page.headers().firstValue("etag").orElseThrow();

        assertThat(get(base + "/", etag).statusCode()).isEqualTo(304);
        assertThat(get(base + "/favicon.png", null).headers().firstValue("content-type"))
                .hasValue("image/png");
    }

    @Test
    void answersNotFoundForAnythingElse() throws Exception {
        assertThat(get(base + "/nothing.js", null).statusCode()).isEqualTo(404);
        assertThat(get(base + "/%2e%2e/WEB-INF/web.xml", null).statusCode()).isIn(400, 404);
        assertThat(get(base + "/js", null).statusCode()).isEqualTo(404);
    }
}
