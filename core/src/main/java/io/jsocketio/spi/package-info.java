/**
 * Service provider interfaces: the {@link io.jsocketio.spi.Adapter} (rooms and broadcasting, the
 * in-memory default or a cluster adapter), how a server attaches to a container object ({@link
 * io.jsocketio.spi.ContainerAttacher}), and where the client bundle comes from ({@link
 * io.jsocketio.spi.ClientBundle}).
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio.spi;
