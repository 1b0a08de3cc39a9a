/**
 * The Engine.IO long-polling transport for Servlet 6 containers: {@link
 * io.jsocketio.servlet.EngineServlet}, an asynchronous servlet that hands every request on an
 * engine's path to {@link io.jsocketio.engine.EngineServer#handleRequest}, and {@link
 * io.jsocketio.servlet.ServletTransport}, which registers it on a {@code ServletContext}.
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio.servlet;
