package io.jsocketio.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link Namespace} bean called when a socket joins the namespace ({@code
 * nsp.onConnection(...)}). Its parameters are resolved by type: {@link io.jsocketio.Socket}. It
 * runs once per socket, on the socket's lane, with a request context active, before any {@link
 * OnEvent} method of that socket.
 *
 * <p>The same as {@link io.jsocketio.handlers.OnConnect}, which the extension accepts too (and
 * which the Spring Boot starter uses): both are read by the shared binding of {@code
 * io.jsocketio.handlers}.
 *
 * <p>Thread-safety: an annotation; immutable.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnConnect {}
