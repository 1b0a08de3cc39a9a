package io.jsocketio.handlers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link Namespace} bean called when a socket joins the namespace ({@code
 * nsp.onConnection(...)}). Its parameters are resolved by type: {@link io.jsocketio.Socket}. It
 * runs once per socket, on the socket's lane, inside the container's per-call context (see {@link
 * HandlerBean}), before any {@link OnEvent} method of that socket.
 *
 * <p>Thread-safety: an annotation; immutable.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnConnect {}
