/**
 * Test support shared by the transport modules through servlet-transport's test-jar: an embedded
 * Tomcat on 127.0.0.1 port 0, a stub engine that records what the transports hand it, the JDK
 * WebSocket client recording every frame, and dynamic-proxy fakes.
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio.servlet.testing;
