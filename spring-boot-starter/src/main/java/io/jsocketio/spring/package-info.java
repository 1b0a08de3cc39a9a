/**
 * Spring Boot integration of jsocketio: {@link io.jsocketio.spring.SocketIoProperties} (the {@code
 * jsocketio.*} properties), {@link io.jsocketio.spring.ServerCustomizer} beans for the other
 * options, and {@link io.jsocketio.spring.SocketAuthentication}, the Spring Security principal of a
 * socket. The auto-configuration lives in {@code io.jsocketio.spring.autoconfigure}.
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio.spring;
