/**
 * JMH micro-benchmarks of jsocketio core's hot paths: the Engine.IO and Socket.IO codecs, argument
 * mapping, an echo through one in-memory session and a broadcast to a thousand. Each benchmark
 * method is a thin call into one entry point of core, so that it follows core's internals when they
 * change. Run by hand (see the module's README.md), never by {@code mvn verify}.
 */
package io.jsocketio.bench;
