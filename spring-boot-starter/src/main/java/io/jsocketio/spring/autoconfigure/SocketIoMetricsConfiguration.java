package io.jsocketio.spring.autoconfigure;

import io.jsocketio.Server;
import io.jsocketio.micrometer.SocketIoMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The Socket.IO meters of {@code jsocketio-micrometer} ({@code socketio.*}) in the application's
 * {@code MeterRegistry}, when that module is on the class path and the application has a registry
 * (Spring Boot's actuator makes one): a {@link SocketIoMetrics} bean, which Spring Boot binds to
 * the registry like its own {@code MeterBinder} beans, so {@code
 * /actuator/metrics/socketio.connects} and the Prometheus scrape show them. An application that
 * defines its own {@code SocketIoMetrics} bean keeps it.
 *
 * <p>Ordered after the metrics auto-configuration of Spring Boot 3 ({@code
 * org.springframework.boot.actuate.autoconfigure.metrics}) and 4 ({@code
 * org.springframework.boot.micrometer.metrics.autoconfigure}), whose registry it needs.
 *
 * <p>Thread-safety: a configuration class; Spring calls it on one thread at start-up.
 */
@AutoConfiguration(
        after = SocketIoAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@ConditionalOnClass({SocketIoMetrics.class, MeterRegistry.class})
@ConditionalOnBean({Server.class, MeterRegistry.class})
public class SocketIoMetricsConfiguration {

    /** Used by Spring. */
    public SocketIoMetricsConfiguration() {}

    /** The binder of the server's meters; Spring Boot binds it to the registry. */
    @Bean
    @ConditionalOnMissingBean
    public SocketIoMetrics jsocketioMetrics(Server server) {
        return new SocketIoMetrics(server);
    }
}
