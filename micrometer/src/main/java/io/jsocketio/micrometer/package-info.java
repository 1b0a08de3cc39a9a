/** Micrometer metrics for a jsocketio server: {@link io.jsocketio.micrometer.SocketIoMetrics}. */
@NullMarked
package io.jsocketio.micrometer;

import org.jspecify.annotations.NullMarked;
