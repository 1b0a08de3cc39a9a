package io.jsocketio.spring.autoconfigure;

import io.jsocketio.Server;
import io.jsocketio.ServerOptions;
import io.jsocketio.spi.AdapterFactory;
import io.jsocketio.spring.ServerCustomizer;
import io.jsocketio.spring.SocketIoProperties;
import jakarta.servlet.ServletContext;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Socket.IO on the application's own servlet container: a {@link Server} bean built from the {@code
 * jsocketio.*} properties, an {@code AdapterFactory} bean if there is one, and the {@link
 * ServerCustomizer} beans; its transports installed on the application's servlet context; the
 * {@code @Namespace} beans bound to it; closed before the web server's graceful shutdown. An
 * application that defines its own {@code Server} bean keeps it: the transports, the beans and the
 * shutdown then apply to that one.
 *
 * <p>Thread-safety: a configuration class; Spring calls it on one thread at start-up.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({Server.class, ServletContext.class})
@ConditionalOnProperty(prefix = "jsocketio", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(SocketIoProperties.class)
public class SocketIoAutoConfiguration {

    /** Used by Spring. */
    public SocketIoAutoConfiguration() {}

    /** The server: properties, then the adapter bean, then the customizers in {@code @Order}. */
    @Bean
    @ConditionalOnMissingBean
    public Server jsocketioServer(
            SocketIoProperties properties,
            ObjectProvider<AdapterFactory> adapter,
            ObjectProvider<ServerCustomizer> customizers) {
        ServerOptions.Builder options = properties.applyTo(ServerOptions.builder());
        adapter.ifAvailable(options::adapter);
        customizers.orderedStream().forEach(c -> c.customize(options));
        return new Server(options.build());
    }

    /** Installs the polling servlet and the WebSocket endpoint on the application's context. */
    @Bean
    public ServletContextInitializer jsocketioTransports(Server server) {
        return new TransportsInitializer(server);
    }

    /** Binds the {@code @Namespace} beans once every singleton exists. */
    @Bean
    NamespaceBeanBinder jsocketioNamespaceBeans(
            ListableBeanFactory beans, Server server, ObjectProvider<SocketCallScope> scope) {
        return new NamespaceBeanBinder(
                beans, server, scope.getIfAvailable(() -> SocketCallScope.NONE));
    }

    /** Closes the server before graceful shutdown. */
    @Bean
    public ServerLifecycle jsocketioLifecycle(Server server) {
        return new ServerLifecycle(server);
    }

    /**
     * The socket's Spring Security principal, from the HTTP session of its handshake, and the
     * security context around handler calls.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {
                "org.springframework.security.core.context.SecurityContextHolder",
                "org.springframework.security.web.context.HttpSessionSecurityContextRepository"
            })
    static class Security {
        @Bean
        static SessionRegistry jsocketioSessions() {
            return new SessionRegistry();
        }

        @Bean
        static ServletContextInitializer jsocketioSessionListener(SessionRegistry sessions) {
            return context -> {
                sessions.cookieName(context.getSessionCookieConfig().getName());
                context.addListener(sessions);
            };
        }

        @Bean
        static SessionSocketAuthentication jsocketioSocketAuthentication(SessionRegistry sessions) {
            return new SessionSocketAuthentication(sessions);
        }
    }
}
