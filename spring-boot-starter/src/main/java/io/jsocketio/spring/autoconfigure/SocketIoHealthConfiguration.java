package io.jsocketio.spring.autoconfigure;

import io.jsocketio.Server;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code jsocketio} health indicator when Spring Boot's actuator is present: {@code UP} with
 * the path and the number of open Engine.IO sessions, {@code DOWN} once the application stopped it
 * (shutdown). Spring Boot 3 and 4 keep {@code HealthIndicator} in different packages; one nested
 * configuration per line, each behind its own class condition.
 *
 * <p>Metrics: {@link SocketIoMetricsConfiguration}.
 *
 * <p>Thread-safety: a configuration class; the indicators are safe for concurrent use.
 */
@AutoConfiguration(after = SocketIoAutoConfiguration.class)
@ConditionalOnBean(Server.class)
public class SocketIoHealthConfiguration {

    /** Used by Spring. */
    public SocketIoHealthConfiguration() {}

    /** Spring Boot 3: {@code org.springframework.boot.actuate.health}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    static class Boot3 {
        @Bean
        @ConditionalOnMissingBean(name = "jsocketioHealthIndicator")
        org.springframework.boot.actuate.health.HealthIndicator jsocketioHealthIndicator(
                Server server, ObjectProvider<ServerLifecycle> lifecycle) {
            return () -> {
                ServerHealth h = ServerHealth.of(server, lifecycle.getIfAvailable());
                org.springframework.boot.actuate.health.Health.Builder b =
                        h.up()
                                ? org.springframework.boot.actuate.health.Health.up()
                                : org.springframework.boot.actuate.health.Health.down();
                return b.withDetail("path", h.path()).withDetail("clients", h.clients()).build();
            };
        }
    }

    /** Spring Boot 4: {@code org.springframework.boot.health.contributor}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot4 {
        @Bean
        @ConditionalOnMissingBean(name = "jsocketioHealthIndicator")
        org.springframework.boot.health.contributor.HealthIndicator jsocketioHealthIndicator(
                Server server, ObjectProvider<ServerLifecycle> lifecycle) {
            return () -> {
                ServerHealth h = ServerHealth.of(server, lifecycle.getIfAvailable());
                org.springframework.boot.health.contributor.Health.Builder b =
                        h.up()
                                ? org.springframework.boot.health.contributor.Health.up()
                                : org.springframework.boot.health.contributor.Health.down();
                return b.withDetail("path", h.path()).withDetail("clients", h.clients()).build();
            };
        }
    }

    /** What both indicators report. */
    record ServerHealth(boolean up, String path, int clients) {
        static ServerHealth of(Server server, @Nullable ServerLifecycle lifecycle) {
            boolean up = lifecycle == null || lifecycle.isRunning();
            return new ServerHealth(up, server.path(), up ? server.engine().clientsCount() : 0);
        }
    }
}
