package io.jsocketio.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.Server;
import io.jsocketio.ServerOptions;
import io.jsocketio.micrometer.SocketIoMetrics;
import io.jsocketio.spring.autoconfigure.SocketIoMetricsConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When the starter binds the Socket.IO meters: only with {@code jsocketio-micrometer} on the class
 * path and a {@code MeterRegistry} bean, and not when the application has its own binder.
 */
class MetricsConditionsTest {
    private final ApplicationContextRunner context =
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(SocketIoMetricsConfiguration.class))
                    .withBean(
                            Server.class,
                            () -> new Server(ServerOptions.builder().build()),
                            b -> b.setDestroyMethodName("close"));

    @Test
    void aRegistryGetsTheBinder() {
        context.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(c -> assertThat(c).hasSingleBean(SocketIoMetrics.class));
    }

    @Test
    void noRegistryNoBinder() {
        context.run(c -> assertThat(c).doesNotHaveBean(SocketIoMetrics.class));
    }

    @Test
    void withoutTheMicrometerModuleNoBinder() {
        context.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader(SocketIoMetrics.class))
                .run(c -> assertThat(c).doesNotHaveBean("jsocketioMetrics"));
    }

    @Test
    void theApplicationsBinderIsKept() {
        context.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withUserConfiguration(OwnBinder.class)
                .run(c -> assertThat(c).hasSingleBean(SocketIoMetrics.class).hasBean("mine"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBinder {
        @Bean
        SocketIoMetrics mine(Server server) {
            return new SocketIoMetrics(server);
        }
    }
}
