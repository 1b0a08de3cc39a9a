/**
 * Jakarta EE integration of jsocketio: a CDI portable extension that turns beans annotated {@link
 * io.jsocketio.cdi.Namespace} into namespace handlers and middleware and makes the {@link
 * io.jsocketio.Server} injectable, and {@link io.jsocketio.cdi.SocketIoServlet}, the servlet a WAR
 * registers in {@code web.xml} (with or without CDI).
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio.cdi;
