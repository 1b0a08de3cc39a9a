/** The Redis adapter's implementation: wire codecs, the Redis link and the adapter. */
@org.jspecify.annotations.NullMarked
package io.jsocketio.redis.internal;
