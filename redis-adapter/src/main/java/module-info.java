/**
 * jsocketio's Redis adapter: servers of one Socket.IO cluster (Java and Node.js) share rooms,
 * broadcasts and requests through Redis, with the wire format of npm
 * {@code @socket.io/redis-adapter} 8.x.
 */
module io.jsocketio.redis {
    requires io.jsocketio.core;
    requires lettuce.core;
    requires msgpack.core;
    requires static org.jspecify;

    exports io.jsocketio.redis;
    // shared with the Redis Streams adapter (same msgpack, packets, options and socket details)
    exports io.jsocketio.redis.internal to
            io.jsocketio.redis.streams;
}
