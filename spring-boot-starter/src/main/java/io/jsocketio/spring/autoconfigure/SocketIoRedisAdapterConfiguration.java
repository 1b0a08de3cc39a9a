package io.jsocketio.spring.autoconfigure;

import io.jsocketio.redis.RedisAdapterFactory;
import io.jsocketio.spi.AdapterFactory;
import io.jsocketio.spring.SocketIoProperties;
import java.util.Objects;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The Redis cluster adapter from {@code jsocketio.adapter.redis.*}, when {@code
 * jsocketio-redis-adapter} is on the class path and {@code jsocketio.adapter.redis.uri} is set: a
 * {@link RedisAdapterFactory} bean, which the {@code Server} bean takes as its adapter. It connects
 * at start-up (a Redis that cannot be reached fails the start) and is closed after the server. An
 * application that defines its own {@code AdapterFactory} bean keeps it.
 *
 * <p>Thread-safety: a configuration class; Spring calls it on one thread at start-up.
 */
@AutoConfiguration(before = SocketIoAutoConfiguration.class)
@ConditionalOnClass(RedisAdapterFactory.class)
@ConditionalOnProperty(prefix = "jsocketio.adapter.redis", name = "uri")
@EnableConfigurationProperties(SocketIoProperties.class)
public class SocketIoRedisAdapterConfiguration {

    /** Used by Spring. */
    public SocketIoRedisAdapterConfiguration() {}

    /** The adapter factory, connected to the configured Redis. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(AdapterFactory.class)
    public RedisAdapterFactory jsocketioRedisAdapter(SocketIoProperties properties) {
        SocketIoProperties.Redis redis = properties.getAdapter().getRedis();
        return RedisAdapterFactory.connect(
                Objects.requireNonNull(redis.getUri(), "jsocketio.adapter.redis.uri"),
                RedisAdapterFactory.Options.builder()
                        .key(redis.getKey())
                        .requestsTimeout(redis.getRequestsTimeout())
                        .publishOnSpecificResponseChannel(
                                redis.isPublishOnSpecificResponseChannel())
                        .build());
    }
}
