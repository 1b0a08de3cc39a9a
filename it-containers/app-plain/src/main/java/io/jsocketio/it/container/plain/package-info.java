/** A WAR without CDI for the container ITs. */
@org.jspecify.annotations.NullMarked
package io.jsocketio.it.container.plain;
