/**
 * Embedded Jetty 12 ee10 carrying both Engine.IO transports: {@link
 * io.jsocketio.jetty.JettyServerProvider}, found through {@link java.util.ServiceLoader} when this
 * module is on the class or module path. Jetty logs through SLF4J; pick a binding (or none) in the
 * application, this module forces none.
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio.jetty;
