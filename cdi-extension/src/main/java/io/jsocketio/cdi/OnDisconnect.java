package io.jsocketio.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link Namespace} bean called once when a socket of the namespace is
 * disconnected ({@code socket.on("disconnect", ...)}). Its parameters are resolved by type: {@link
 * io.jsocketio.Socket}, {@link io.jsocketio.DisconnectReason}, and a {@code String} for the
 * description (null when there is none). It runs on the socket's lane, with a request context
 * active.
 *
 * <p>The same as {@link io.jsocketio.handlers.OnDisconnect}, which the extension accepts too (and
 * which the Spring Boot starter uses): both are read by the shared binding of {@code
 * io.jsocketio.handlers}.
 *
 * <p>Thread-safety: an annotation; immutable.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnDisconnect {}
