/** The Redis cluster adapter: {@link io.jsocketio.redis.RedisAdapterFactory}. */
@org.jspecify.annotations.NullMarked
package io.jsocketio.redis;
