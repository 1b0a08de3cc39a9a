package io.jsocketio.redis.streams.internal;

import java.time.Duration;

/**
 * What the adapters of one factory share: the names and limits of the Node adapter's options.
 *
 * <p>Thread-safety: immutable.
 *
 * @param streamName the stream
 * @param channelPrefix the prefix of the pub/sub channels
 * @param maxLen the approximate bound of the stream ({@code MAXLEN ~})
 * @param sessionKeyPrefix the prefix of the session keys
 * @param requestsTimeout how long requests wait for the other servers
 */
public record StreamsSettings(
        String streamName,
        String channelPrefix,
        long maxLen,
        String sessionKeyPrefix,
        Duration requestsTimeout) {}
