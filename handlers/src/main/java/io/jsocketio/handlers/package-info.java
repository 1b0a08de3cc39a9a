/**
 * The annotated-handler model of jsocketio, independent of any container: the annotations {@link
 * io.jsocketio.handlers.Namespace}, {@link io.jsocketio.handlers.OnConnect}, {@link
 * io.jsocketio.handlers.OnEvent} and {@link io.jsocketio.handlers.OnDisconnect}, and {@link
 * io.jsocketio.handlers.NamespaceBeans}, which validates annotated bean classes once and binds them
 * to a {@link io.jsocketio.Server}. A container integration (the CDI extension, the Spring Boot
 * starter) supplies the bean instances through {@link io.jsocketio.handlers.HandlerBean}.
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio.handlers;
