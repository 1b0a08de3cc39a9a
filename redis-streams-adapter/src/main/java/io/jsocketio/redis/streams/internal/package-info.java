/** The Redis Streams adapter's implementation; not exported. */
@org.jspecify.annotations.NullMarked
package io.jsocketio.redis.streams.internal;
