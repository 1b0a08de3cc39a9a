/**
 * The Redis Streams cluster adapter: {@link io.jsocketio.redis.streams.RedisStreamsAdapterFactory}.
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio.redis.streams;
