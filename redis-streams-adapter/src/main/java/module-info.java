/**
 * jsocketio's Redis Streams adapter: servers of one Socket.IO cluster (Java and Node.js) share
 * rooms, broadcasts and requests through a Redis stream, with the wire format of npm {@code
 * @socket.io/redis-streams-adapter} 0.3.x, and a client recovers its session on any of them.
 */
module io.jsocketio.redis.streams {
    requires io.jsocketio.core;
    requires io.jsocketio.redis;
    requires lettuce.core;
    requires static org.jspecify;

    exports io.jsocketio.redis.streams;
}
