package io.jsocketio.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.Server;
import io.jsocketio.ServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** An application that defines its own {@code Server}: the starter serves that one. */
@SpringBootTest(
        classes = BackOffTest.OwnServer.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "jsocketio.path=/ignored/"})
class BackOffTest {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class OwnServer {
        static final Server MINE = new Server(ServerOptions.builder().path("/realtime/").build());

        @Bean
        Server myServer() {
            return MINE;
        }

        @Bean
        org.springframework.security.web.SecurityFilterChain open(
                org.springframework.security.config.annotation.web.builders.HttpSecurity http)
                throws Exception {
            return http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .csrf(c -> c.disable())
                    .build();
        }
    }

    @Value("${local.server.port}")
    int port;

    @Autowired Server server;

    private int status(String path) throws Exception {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void theApplicationsServerIsTheOneServed() throws Exception {
        assertThat(server).isSameAs(OwnServer.MINE);
        assertThat(status("/realtime/?EIO=4&transport=polling")).isEqualTo(200);
        assertThat(status("/ignored/?EIO=4&transport=polling")).isEqualTo(404);
    }
}
