/**
 * Service provider interfaces: the {@link io.jsocketio.spi.Adapter} (rooms and broadcasting, the
 * in-memory default or a cluster adapter), and how a server attaches to a container object ({@link
 * io.jsocketio.spi.ContainerAttacher}).
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio.spi;
