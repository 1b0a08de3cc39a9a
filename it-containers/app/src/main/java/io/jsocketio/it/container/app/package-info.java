/** The application deployed by the container ITs (loaded only inside the container). */
@org.jspecify.annotations.NullMarked
package io.jsocketio.it.container.app;
